package io.newsflow.enrichment.linking;

import io.newsflow.enrichment.ner.EntityKeys;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The linker on an invented dictionary (names and shares made up for each rule). */
class EntityLinkerTest {

    @TempDir
    static Path dir;

    static EntityLinker linker;

    @BeforeAll
    static void dictionary() {
        linker = new EntityLinker(TestDictionaries.index(dir,
                "U.S.\tUnited_States\t0.97",
                "US\tUnited_States\t0.72",
                "United States\tUnited_States\t0.98",
                "USA\tUnited_States\t0.95",
                "America\tUnited_States\t0.61",
                "Georgia\tGeorgia_(U.S._state)\t0.54",
                "Republic of Georgia\tGeorgia_(country)\t0.9",
                "Jordan\tJordan\t0.72",
                "Michael Jordan\tMichael_Jordan\t0.99",
                "Washington\tWashington\t0.65",
                "Seattle\tSeattle\t0.99",
                "Seattle, Washington\tSeattle\t0.99",
                "White House\tWhite_House\t0.97",
                "Springfield\tSpringfield,_Massachusetts\t0.41",
                "Springfield, Illinois\tSpringfield,_Illinois\t0.99",
                "Illinois\tIllinois\t0.98",
                "Austria\tAustria\t0.97",
                "Austria, Germany\tAustria,_Germany\t1.0",
                "Germany\tGermany\t0.98",
                "Putin\tVladimir_Putin\t1.0",
                "Vladimir Putin\tVladimir_Putin\t1.0",
                "Gore\tAl_Gore\t0.49",
                "Tomahawk\tTomahawk_(band)\t0.92",
                "American\tUnited_States\t0.94",
                "GNA\tGlycol_nucleic_acid\t0.99",
                // an invented region, Quorra, and its places; Dorland another region
                "Brindlemere\tBrindlemere,_Quorra\t0.45",
                "Oskel\tOskel,_Quorra\t0.95",
                "Tarnwick\tTarnwick,_Quorra\t0.97",
                "Halvard\tHalvard\t0.7",
                "Halvard, Quorra\tHalvard,_Quorra\t1.0",
                "Fennick, Quorra\tFennick,_Quorra\t1.0",
                "Fennick, Dorland\tFennick,_Dorland\t1.0",
                "Lusk\tLusk,_Dorland\t0.95",
                "Marrow\tMarrow,_Dorland\t0.95"));
    }

    @Test
    void aNameWithAHighPriorLinksToItsPageUnderThePagesKey() {
        Entity us = link(entity(EntityType.LOCATION, "U.S.", 0)).get(0);

        assertThat(us.link()).isEqualTo(Entity.Link.wikipedia("United_States"));
        assertThat(us.key()).isEqualTo("location:united-states");
        assertThat(us.name()).isEqualTo("U.S.");
    }

    @Test
    void theMostSpecificKnownFormDecides() {
        Entity putin = link(entity(EntityType.PERSON, "Vladimir Putin", 0, "Putin", 40)).get(0);
        Entity gore = link(entity(EntityType.PERSON, "Gore", 0)).get(0);

        assertThat(putin.link().id()).isEqualTo("Vladimir_Putin");
        assertThat(putin.key()).isEqualTo("person:vladimir-putin");
        assertThat(gore.link()).as("a share of 0.49 alone is not enough").isNull();
    }

    @Test
    void aPageOfAnotherTypeIsRefused() {
        Entity person = link(entity(EntityType.PERSON, "Georgia", 0)).get(0);
        Entity place = link(entity(EntityType.LOCATION, "Tomahawk", 0)).get(0);
        Entity jordan = link(entity(EntityType.PERSON, "Jordan", 0)).get(0);
        Entity band = link(entity(EntityType.ORGANIZATION, "Tomahawk", 0)).get(0);

        assertThat(person.link()).as("a person is not a U.S. state").isNull();
        assertThat(place.link()).as("a place is not a band").isNull();
        assertThat(jordan.link()).as("a one-word page is no person's name").isNull();
        assertThat(band.link().id()).isEqualTo("Tomahawk_(band)");
        assertThat(band.key()).isEqualTo("organization:tomahawk-band");
    }

    @Test
    void aNationalityIsNotItsCountrysPage() {
        assertThat(link(entity(EntityType.MISC, "American", 0)).get(0).link()).isNull();
    }

    @Test
    void theArticlesOtherPlacesDecideAnAmbiguousName() {
        List<Entity> nearSeattle = link(entity(EntityType.LOCATION, "Washington", 0), entity(EntityType.LOCATION, "Seattle", 30));
        List<Entity> nearWhiteHouse = link(entity(EntityType.LOCATION, "Washington", 0),
                entity(EntityType.ORGANIZATION, "White House", 30));

        assertThat(nearSeattle.get(0).link()).isEqualTo(Entity.Link.wikipedia("Washington"));
        assertThat(nearWhiteHouse.get(0).link()).as("0.65 without support: unsure").isNull();
        assertThat(nearWhiteHouse.get(1).link().id()).isEqualTo("White_House");
    }

    @Test
    void aQualifiedPageWinsWhenTheArticleNamesItsQualifier() {
        List<Entity> inIllinois = link(entity(EntityType.LOCATION, "Springfield", 0), entity(EntityType.LOCATION, "Illinois", 20));
        List<Entity> alone = link(entity(EntityType.LOCATION, "Springfield", 0));
        List<Entity> georgiaNearUs = link(entity(EntityType.LOCATION, "Georgia", 0), entity(EntityType.LOCATION, "U.S.", 20));

        assertThat(inIllinois.get(0).link().id()).isEqualTo("Springfield,_Illinois");
        assertThat(alone.get(0).link()).as("0.41 alone").isNull();
        assertThat(georgiaNearUs.get(0).link().id()).isEqualTo("Georgia_(U.S._state)");
        assertThat(link(entity(EntityType.LOCATION, "Georgia", 0)).get(0).link()).as("0.54 alone").isNull();
    }

    @Test
    void aClearPrimaryTopicIsNotTradedForAQualifiedPage() {
        List<Entity> nearGermany = link(entity(EntityType.LOCATION, "Austria", 0), entity(EntityType.LOCATION, "Germany", 20));

        assertThat(nearGermany.get(0).link().id()).isEqualTo("Austria");
    }

    @Test
    void aShortFormOfAnUnknownNameDoesNotLink() {
        Entity gna = entity(EntityType.ORGANIZATION, "Government of National Accord", 0, "GNA", 40);

        assertThat(link(gna)).containsExactly(gna);
        assertThat(link(entity(EntityType.ORGANIZATION, "GNA", 0)).get(0).link().id()).isEqualTo("Glycol_nucleic_acid");
    }

    @Test
    void aNameTheDictionaryDoesNotKnowStaysUnlinkedWithItsKey() {
        Entity haftar = entity(EntityType.PERSON, "Khalifa Haftar", 0, "Haftar", 50);

        assertThat(link(haftar)).containsExactly(haftar);
    }

    @Test
    void formsOfOneWeightPointingToDifferentPagesLeaveTheEntityUnlinked() {
        Entity mixed = entity(EntityType.LOCATION, "US", 0, "Seattle", 20);

        assertThat(link(mixed).get(0).link()).isNull();
    }

    @Test
    void entitiesOfOnePageMergeAndEveryArticleGetsTheOneKey() {
        List<Entity> one = link(entity(EntityType.LOCATION, "United States", 0), entity(EntityType.ORGANIZATION, "U.S.", 30),
                entity(EntityType.LOCATION, "America", 60, "America", 90));
        List<Entity> other = link(entity(EntityType.ORGANIZATION, "USA", 5));

        assertThat(one).as("one entity per type the tagger read").hasSize(2);
        Entity us = one.get(0);
        assertThat(us.key()).isEqualTo("location:united-states");
        assertThat(us.type()).isEqualTo(EntityType.LOCATION);
        assertThat(us.mentions()).extracting(Entity.Mention::text).containsExactly("United States", "America", "America");
        assertThat(us.name()).as("the most complete name").isEqualTo("United States");
        Entity officials = one.get(1);
        assertThat(officials.mentions()).extracting(Entity.Mention::text).containsExactly("U.S.");
        assertThat(officials.type()).as("the tagger's type, as it read this mention").isEqualTo(EntityType.ORGANIZATION);
        assertThat(officials.key()).as("the page's key all the same").isEqualTo(us.key());
        assertThat(officials.link()).isEqualTo(us.link());
        assertThat(other.get(0).key()).as("an organization linked to a country").isEqualTo(us.key());
        assertThat(other.get(0).type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(link(entity(EntityType.LOCATION, "America", 0)).get(0).link()).as("0.61 alone").isNull();
    }

    @Test
    void aQualifierWrittenInTheArticlesTextSupportsThePage() {
        Entity brindlemere = entity(EntityType.LOCATION, "Brindlemere", 0);

        assertThat(linker.link(List.of(brindlemere), "Brindlemere is a Quorran town.").get(0).link().id())
                .as("'Quorran' names Quorra").isEqualTo("Brindlemere,_Quorra");
        assertThat(linker.link(List.of(brindlemere), "Brindlemere is a market town.").get(0).link()).as("0.45 alone").isNull();
        assertThat(linker.link(List.of(brindlemere), "Brindlemere is a quorrant town.").get(0).link())
                .as("a longer word is not the name").isNull();
    }

    @Test
    void aNameIsWrittenAsAWordOrItsPeoplesWord() {
        Entity self = entity(EntityType.LOCATION, "Brindlemere", 0);

        assertThat(EntityLinker.writtenOutside("Brindlemere and Quorra", "Quorra", self)).isTrue();
        assertThat(EntityLinker.writtenOutside("Brindlemere, Quorrans.", "Quorra", self)).isTrue();
        assertThat(EntityLinker.writtenOutside("Brindlemere (Quorran)", "Quorra", self)).isTrue();
        assertThat(EntityLinker.writtenOutside("Brindlemere, Quorra2", "Quorra", self)).as("a longer token").isFalse();
        assertThat(EntityLinker.writtenOutside("Brindlemere, ExQuorra", "Quorra", self)).as("inside a word").isFalse();
        assertThat(EntityLinker.writtenOutside("Brindlemere, Quorrax", "Quorra", self)).isFalse();
        assertThat(EntityLinker.writtenOutside("ExQuorra and Quorra", "Quorra", self)).as("a later occurrence counts").isTrue();
        assertThat(EntityLinker.writtenOutside("", "Quorra", self)).isFalse();
    }

    @Test
    void aQualifierWrittenOnlyInsideTheEntitysOwnMentionDoesNotSupportIt() {
        Entity named = entity(EntityType.LOCATION, "Brindlemere", 0, "Quorra", 20);

        assertThat(linker.link(List.of(named), "Brindlemere ....... Quorra").get(0).link()).isNull();
    }

    @Test
    void theArticlesSettingLinksNamesLeftUnsure() {
        String text = "Oskel, Tarnwick, Halvard and Fennick lie close together.";
        List<Entity> inQuorra = linker.link(List.of(entity(EntityType.LOCATION, "Oskel", 0), entity(EntityType.LOCATION, "Tarnwick", 7),
                entity(EntityType.LOCATION, "Halvard", 17), entity(EntityType.LOCATION, "Fennick", 30)), text);

        assertThat(inQuorra).extracting(e -> e.link().id())
                .containsExactly("Oskel,_Quorra", "Tarnwick,_Quorra", "Halvard,_Quorra", "Fennick,_Quorra");
        assertThat(inQuorra.get(3).key()).isEqualTo("location:fennick-quorra");
    }

    @Test
    void oneWitnessIsNoSettingAndTwoSettingsLeaveTheNameUnlinked() {
        List<Entity> oneWitness = link(entity(EntityType.LOCATION, "Oskel", 0), entity(EntityType.LOCATION, "Halvard", 17),
                entity(EntityType.LOCATION, "Fennick", 30));
        List<Entity> twoSettings = link(entity(EntityType.LOCATION, "Oskel", 0), entity(EntityType.LOCATION, "Tarnwick", 7),
                entity(EntityType.LOCATION, "Lusk", 17), entity(EntityType.LOCATION, "Marrow", 22),
                entity(EntityType.LOCATION, "Fennick", 30));
        List<Entity> person = link(entity(EntityType.LOCATION, "Oskel", 0), entity(EntityType.LOCATION, "Tarnwick", 7),
                entity(EntityType.PERSON, "Halvard", 17));

        assertThat(oneWitness.get(1).link()).as("Halvard: 0.7, one witness").isNull();
        assertThat(oneWitness.get(2).link()).as("Fennick: unknown alone, one witness").isNull();
        assertThat(twoSettings.get(4).link()).as("Fennick of Quorra or of Dorland").isNull();
        assertThat(person.get(2).link()).as("a person is not a place of the setting").isNull();
    }

    /** An entity of the canonicalizer's shape: its name's mention at {@code start}, then (text, start) pairs. */
    private static Entity entity(EntityType type, String name, int start, Object... more) {
        List<Entity.Mention> mentions = new ArrayList<>();
        mentions.add(new Entity.Mention(name, start, start + name.length()));
        for (int i = 0; i < more.length; i += 2) {
            String text = (String) more[i];
            int at = (Integer) more[i + 1];
            mentions.add(new Entity.Mention(text, at, at + text.length()));
        }
        return new Entity(EntityKeys.key(type, name), name, type, null, mentions);
    }

    /** Linked without the article's text: only the other entities are context. */
    private static List<Entity> link(Entity... entities) {
        return linker.link(List.of(entities), "");
    }
}
