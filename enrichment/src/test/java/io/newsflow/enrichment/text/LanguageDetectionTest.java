package io.newsflow.enrichment.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | The minister said on Tuesday that the talks with the rebels would continue next week in the capital.",
            "fr | Le ministre a déclaré mardi que les discussions avec les rebelles reprendraient la semaine prochaine dans la capitale.",
            "de | Der Minister sagte am Dienstag, dass die Gespräche mit den Rebellen nächste Woche in der Hauptstadt weitergehen.",
            "es | El ministro dijo el martes que las conversaciones con los rebeldes continuarán la próxima semana en la capital.",
            "it | Il ministro ha detto martedì che i colloqui con i ribelli continueranno la prossima settimana nella capitale.",
            "pt | O ministro disse na terça-feira que as conversas com os rebeldes vão continuar na próxima semana na capital.",
            "nl | De minister zei dinsdag dat de gesprekken met de rebellen volgende week in de hoofdstad worden voortgezet.",
            "ru | Министр заявил во вторник, что переговоры с повстанцами продолжатся на следующей неделе в столице.",
            "uk | Міністр заявив у вівторок, що переговори з повстанцями продовжаться наступного тижня в столиці.",
            "ar | قال الوزير يوم الثلاثاء إن المحادثات مع المتمردين ستستمر الأسبوع المقبل في العاصمة.",
            "tr | Bakan salı günü yaptığı açıklamada isyancılarla görüşmelerin gelecek hafta başkentte süreceğini söyledi.",
            "zh | 部长周二表示，与叛军的会谈将于下周在首都继续举行。",
    })
    void detectsTheLanguageOfASentence(String expected, String text) {
        assertThat(LanguageDetection.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "12:30 -- 2019/04/12 +++ 42"})
    void textWithoutLettersHasNoLanguage(String text) {
        assertThat(LanguageDetection.detect(text)).isEqualTo(LanguageDetection.UNDETERMINED);
    }

    @org.junit.jupiter.api.Test
    void namesAloneAreUndeterminedUntilTheTitleSaysMore() {
        String names = "Khalifa Haftar met Vladimir Putin in Moscow.";
        assertThat(LanguageDetection.detect(names)).isEqualTo(LanguageDetection.UNDETERMINED);
        assertThat(LanguageDetection.detect("Moscow will support the marshal in the talks", names)).isEqualTo("en");
    }

    @org.junit.jupiter.api.Test
    void readsOnlyTheBeginningOfALongArticle() {
        String english = "The minister said on Tuesday that the talks would continue next week. ";
        String french = "Le ministre a déclaré mardi que les discussions reprendraient la semaine prochaine. ";
        String article = english.repeat(LanguageDetection.SAMPLE_CHARS / english.length() + 1) + french.repeat(200);
        assertThat(article.length()).isGreaterThan(4 * LanguageDetection.SAMPLE_CHARS);
        assertThat(LanguageDetection.detect(article)).isEqualTo("en");
    }
}
