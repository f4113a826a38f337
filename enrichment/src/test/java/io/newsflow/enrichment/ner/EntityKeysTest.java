package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityKeysTest {

    @Test
    void slugsStripAccentsAndPunctuation() {
        assertThat(EntityKeys.slug("Recep Tayyip Erdoğan")).isEqualTo("recep-tayyip-erdogan");
        assertThat(EntityKeys.slug("  Côte d’Ivoire ")).isEqualTo("cote-d-ivoire");
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Government of National Accord"))
                .isEqualTo("organization:government-of-national-accord");
        assertThat(EntityKeys.key(EntityType.LOCATION, "MOSCOW")).isEqualTo("location:moscow");
    }

    @Test
    void personKeysAreTransliterationTolerant() {
        assertThat(EntityKeys.key(EntityType.PERSON, "Khalifa Haftar")).isEqualTo("person:khalifa-haftar");
        assertThat(EntityKeys.key(EntityType.PERSON, "Sergei Shoigu")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Sergey Shoygu"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Dmitry Peskov")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Dmitri Peskov"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Yuri Ushakov")).isEqualTo(EntityKeys.key(EntityType.PERSON, "Yury Ushakov"));
        assertThat(EntityKeys.key(EntityType.PERSON, "Fayez al-Sarraj")).isEqualTo("person:fayez-sarraj");
        assertThat(EntityKeys.key(EntityType.PERSON, "Fayez Sarraj")).isEqualTo("person:fayez-sarraj");
        assertThat(EntityKeys.key(EntityType.PERSON, "Abdel Basset al Badri")).isEqualTo("person:abdel-basset-badri");
        // consonant y stays; a capitalised "Al" first name is a name
        assertThat(EntityKeys.normaliseY("maya")).isEqualTo("maya");
        assertThat(EntityKeys.normaliseY("kyiv")).isEqualTo("kyiv");
        assertThat(EntityKeys.key(EntityType.PERSON, "Al Gore")).isEqualTo("person:al-gore");
        // the rule is for persons only
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Sergey Inc")).isEqualTo("organization:sergey-inc");
    }

    private static String location(String name) {
        return EntityKeys.key(EntityType.LOCATION, name);
    }

    private static String person(String name) {
        return EntityKeys.key(EntityType.PERSON, name);
    }

    @Test
    void aCountryNamedInAnyLanguageHasItsEnglishKey() {
        assertThat(location("Germany")).isEqualTo("location:germany");
        for (String germany : List.of("Deutschland", "Allemagne", "Alemania", "Germania", "Duitsland", "Alemanha",
                "Германия", "德国", "ドイツ", "ألمانيا", "Γερμανία", "DEUTSCHLAND")) {
            assertThat(location(germany)).as(germany).isEqualTo("location:germany");
        }
        for (String russia : List.of("Russland", "Russie", "Rusia", "Rusland", "Россия", "俄罗斯")) {
            assertThat(location(russia)).as(russia).isEqualTo(location("Russia")).isEqualTo("location:russia");
        }
        // long and short forms
        for (String us : List.of("Vereinigte Staaten", "Estados Unidos", "EE. UU.", "États-Unis", "Stati Uniti", "美国")) {
            assertThat(location(us)).as(us).isEqualTo("location:united-states");
        }
        // continents and world regions are large places too
        assertThat(location("Afrika")).isEqualTo("location:africa");
        assertThat(location("Europa")).isEqualTo("location:europe");
        assertThat(location("Westafrika")).isEqualTo("location:western-africa");
    }

    @Test
    void onlyWholeNamesAreCountriesAndOnlyForNonPersons() {
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Deutsche Bank")).isEqualTo("organization:deutsche-bank");
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Bank of Russia")).isEqualTo("organization:bank-of-russia");
        assertThat(EntityKeys.key(EntityType.ORGANIZATION, "Deutschland")).isEqualTo(EntityKeys.key(EntityType.ORGANIZATION, "Germany"));
        assertThat(location("Nordrhein-Westfalen")).isEqualTo("location:nordrhein-westfalen");
        // a person called like a country in some language keeps the name ("Jordan" is English anyway)
        assertThat(person("Chad Smith")).isEqualTo("person:chad-smith");
        assertThat(person("Germania")).isEqualTo("person:germania");
    }

    @Test
    void englishNamesKeepTheirKeys() {
        // English short forms and other English names of countries are not renamed to ICU's display name
        assertThat(location("UK")).isEqualTo("location:uk");
        assertThat(location("USA")).isEqualTo("location:usa");
        assertThat(location("Czech Republic")).isEqualTo("location:czech-republic");
        assertThat(location("Libya")).isEqualTo("location:libya");
        assertThat(location("Tripoli")).isEqualTo("location:tripoli");
        assertThat(location("Benghazi")).isEqualTo("location:benghazi");
        assertThat(location("Georgia")).isEqualTo("location:georgia");
        assertThat(location("Paris")).isEqualTo("location:paris");
        // a country's name in one language can be an English name of something else: in English text only names
        // in other scripts are looked up
        assertThat(EntityKeys.key(EntityType.LOCATION, "Columbia", "en")).isEqualTo("location:columbia");
        assertThat(EntityKeys.key(EntityType.LOCATION, "Columbia", "ro")).isEqualTo("location:colombia");
        assertThat(EntityKeys.key(EntityType.LOCATION, "Deutschland", "en")).isEqualTo("location:deutschland");
        assertThat(EntityKeys.key(EntityType.LOCATION, "Германия", "en")).isEqualTo("location:germany");
        // with the text's language known, a Latin-script name counts in that language only
        assertThat(EntityKeys.key(EntityType.LOCATION, "Deutschland", "de")).isEqualTo("location:germany");
        assertThat(EntityKeys.key(EntityType.LOCATION, "Columbia", "de")).isEqualTo("location:columbia");
        assertThat(EntityKeys.key(EntityType.LOCATION, "Alemania", "es-MX")).isEqualTo("location:germany");
        assertThat(person("Sergey Lavrov")).isEqualTo("person:sergei-lavrov");
    }

    @Test
    void namesInOtherScriptsAreKeyedByTheirLatinSpelling() {
        assertThat(person("Путин")).isEqualTo(person("Putin")).isEqualTo("person:putin");
        assertThat(person("Владимир Путин")).isEqualTo("person:vladimir-putin");
        assertThat(person("Сергей Шойгу")).isEqualTo(person("Sergei Shoigu"));
        assertThat(person("Дмитрий Песков")).isEqualTo(person("Dmitry Peskov"));
        assertThat(person("Алексей Навальный")).isEqualTo(person("Aleksei Navalny"));
        assertThat(person("Михаил Горбачёв")).isEqualTo(person("Mikhail Gorbachev"));
        assertThat(person("Κυριάκος Μητσοτάκης")).isEqualTo(person("Kyriakos Mitsotakis"));
        assertThat(person("Αλέξης Τσίπρας")).isEqualTo(person("Alexis Tsipras"));
        assertThat(person("习近平")).isEqualTo(person("Xi Jinping"));
        assertThat(location("北京")).isEqualTo(location("Beijing"));
        assertThat(location("Москва")).isEqualTo(location("Moskva"));
        // no English spelling to meet, but still an ASCII key
        for (String name : List.of("خليفة حفتر", "بنغازي", "Ζαχαρίας Παπαδόπουλος", "Иван Грозный", "김정은")) {
            assertThat(person(name)).as(name).matches("person:[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(location(name)).as(name).matches("location:[a-z0-9]+(-[a-z0-9]+)*");
        }
        // Latin letters that do not decompose are spelt in ASCII too
        assertThat(person("Lech Wałęsa")).isEqualTo(person("Lech Walesa"));
        assertThat(location("Straße des 17. Juni")).isEqualTo("location:strasse-des-17-juni");
    }

    private static String organization(String name) {
        return EntityKeys.key(EntityType.ORGANIZATION, name);
    }

    @Test
    void aLeadingTheNeverChangesTheKey() {
        assertThat(organization("the Norland Press")).isEqualTo(organization("Norland Press"))
                .isEqualTo(organization("The Norland Press")).isEqualTo(organization("THE NORLAND PRESS"))
                .isEqualTo("organization:norland-press");
        assertThat(location("The Tarnlands")).isEqualTo(location("Tarnlands"));
        assertThat(person("the Tarn Kid")).isEqualTo(person("Tarn Kid"));
        // "The" alone, or inside a name, is a word of it
        assertThat(organization("The")).isEqualTo("organization:the");
        assertThat(organization("Norland of the Tarn")).isEqualTo("organization:norland-of-the-tarn");
    }
}
