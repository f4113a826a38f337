package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class NamePatternsTest {

    private static RawMention at(String text, EntityType type, String span) {
        int start = text.indexOf(span);
        return new RawMention(type, span, start, start + span.length());
    }

    @Test
    void organisationDesignatorsEndOrHeadAnOrganisation() {
        String text = "Shares of Bluefin Widgets Inc. rose after the Ministry of Coastal Fisheries and the Norland Farmers Party spoke "
                + "at the Norland Rugby Hall of Fame. Hall of Fame Coach Jan Tarn came.";
        assertThat(NamePatterns.find(text)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.ORGANIZATION, "Bluefin Widgets Inc."),
                tuple(EntityType.ORGANIZATION, "Ministry of Coastal Fisheries"),
                tuple(EntityType.ORGANIZATION, "Norland Farmers Party"),
                tuple(EntityType.ORGANIZATION, "Norland Rugby Hall of Fame"),
                tuple(EntityType.ORGANIZATION, "Hall of Fame"));
    }

    @Test
    void clubDesignatorsBeforeTheNameAndLeaguesBeforeFor() {
        String text = "He plays in the Norland Super League for FC Redhill since spring.";
        assertThat(NamePatterns.find(text)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.ORGANIZATION, "Norland Super League"),
                tuple(EntityType.ORGANIZATION, "FC Redhill"));
    }

    @Test
    void stormsOperationsAndVesselsByTheirLeadingDesignator() {
        String text = "After Cyclone Tarn hit, the Space Shuttle Redhill flew and HMS Norland sailed in Operation Greywater Dawn.";
        assertThat(NamePatterns.find(text)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.MISC, "Cyclone Tarn"), tuple(EntityType.MISC, "Space Shuttle Redhill"),
                tuple(EntityType.MISC, "HMS Norland"), tuple(EntityType.MISC, "Operation Greywater Dawn"));
    }

    @Test
    void quotedTitlesAfterAWorkNoun() {
        String text = "Their single \"Tarn Street Blues\" and the album called “Out of the Norland” sold; \"We will win, he said\" "
                + "was a song \"nobody liked\" and a quote \"Greywater Dawn\".";
        assertThat(NamePatterns.find(text)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.MISC, "Tarn Street Blues"), tuple(EntityType.MISC, "Out of the Norland"));
        assertThat(NamePatterns.find("He formed a band called \"Tarn Street\" in 1990."))
                .extracting(RawMention::type, RawMention::text).containsExactly(tuple(EntityType.ORGANIZATION, "Tarn Street"));
        String list = "Two bonus tracks: \"Redhill\", \"Greywater Dawn\" and \"Norland\", and \"we said no\".";
        assertThat(NamePatterns.find(list)).extracting(RawMention::text).containsExactly("Redhill", "Greywater Dawn", "Norland");
    }

    @Test
    void eventsLawsWithTheirYearAndPlacesByTheirLastWord() {
        String text = "He won the 1987 Coastal Championship under the Clean Rivers Act of 1990, and the Battle of Greywater "
                + "was fought near the Tarn River.";
        assertThat(NamePatterns.find(text)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.MISC, "Coastal Championship"),
                tuple(EntityType.MISC, "Clean Rivers Act of 1990"),
                tuple(EntityType.MISC, "Battle of Greywater"),
                tuple(EntityType.LOCATION, "Tarn River"));
    }

    @Test
    void aDesignatorAloneLeadingWordsPossessivesAndHeadlinesAreNotNames() {
        assertThat(NamePatterns.find("Party members said a Council of elders agreed.")).isEmpty();
        assertThat(NamePatterns.find("The League said the Council agreed, but the Council of Elders and a Party did not."))
                .extracting(RawMention::type, RawMention::text).containsExactly(tuple(EntityType.ORGANIZATION, "League"),
                        tuple(EntityType.ORGANIZATION, "Council"), tuple(EntityType.ORGANIZATION, "Council of Elders"));
        assertThat(NamePatterns.find("When Bluefin Group sold it, Bluefin's Board objected.")).extracting(RawMention::text)
                .containsExactly("Bluefin Group");
        assertThat(NamePatterns.find("Leaders of the Norland Farmers Party met at the 3rd Harbour Festival."))
                .extracting(RawMention::text).containsExactly("Norland Farmers Party", "Harbour Festival");
        assertThat(NamePatterns.find("Fans of Tarn Street Singers said that the deal with Acme Widgets Inc President Jane Doe was signed."))
                .extracting(RawMention::text).containsExactly("Acme Widgets Inc");
        assertThat(NamePatterns.find("He fought in the Great Norland War II and then joined Tarn Division III."))
                .extracting(RawMention::text).containsExactly("Great Norland War II", "Tarn Division III");
        assertThat(NamePatterns.find("It joined the 65 Air Division and later the 101st Tarn Rifles Regiment at the 3 Norland Festival."))
                .extracting(RawMention::text).containsExactly("65 Air Division", "101st Tarn Rifles Regiment", "Norland Festival");
        assertThat(NamePatterns.find("Local Farmers Protest Outside Norland Council Office")).isEmpty();
    }

    @Test
    void mentionsInsideTheNameAreReplacedAndCrossingOnesBlockIt() {
        String text = "Fans of Redhill Football Club cheered as Tarn River Sam sang.";
        List<RawMention> in = List.of(at(text, EntityType.LOCATION, "Redhill"), at(text, EntityType.PERSON, "River Sam"));
        assertThat(NamePatterns.apply(text, in)).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.ORGANIZATION, "Redhill Football Club"),
                tuple(EntityType.PERSON, "River Sam"));
    }
}
