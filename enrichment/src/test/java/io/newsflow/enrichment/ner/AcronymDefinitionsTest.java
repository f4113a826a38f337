package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcronymDefinitionsTest {

    private static RawMention at(String text, EntityType type, String span, int from) {
        int start = text.indexOf(span, from);
        return new RawMention(type, span, start, start + span.length());
    }

    @Test
    void theLongFormBeforeATaggedAcronymGetsItsType() {
        String text = "Haftar opposes the Government of National Accord (GNA) in Tripoli.";
        List<RawMention> in = List.of(at(text, EntityType.PERSON, "Haftar", 0), at(text, EntityType.ORGANIZATION, "GNA", 0),
                at(text, EntityType.LOCATION, "Tripoli", 0));

        assertThat(AcronymDefinitions.apply(text, in)).extracting(RawMention::type, RawMention::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntityType.PERSON, "Haftar"),
                org.assertj.core.groups.Tuple.tuple(EntityType.ORGANIZATION, "Government of National Accord"),
                org.assertj.core.groups.Tuple.tuple(EntityType.ORGANIZATION, "GNA"),
                org.assertj.core.groups.Tuple.tuple(EntityType.LOCATION, "Tripoli"));
    }

    @Test
    void mentionsInsideTheLongFormAreReplacedAndCrossingOnesBlockIt() {
        String text = "the Libyan National Army (LNA) and Libyan National Army Command (LNA) met";
        List<RawMention> in = List.of(at(text, EntityType.MISC, "Libyan", 0), at(text, EntityType.ORGANIZATION, "LNA", 0));
        assertThat(AcronymDefinitions.apply(text, in)).extracting(RawMention::text).containsExactly("Libyan National Army", "LNA");

        String other = "He met Tom Smith (TS) today.";
        List<RawMention> plain = List.of(at(other, EntityType.ORGANIZATION, "TS", 0));
        assertThat(AcronymDefinitions.apply(other, plain)).extracting(RawMention::text).containsExactly("Tom Smith", "TS");
        List<RawMention> crossing = List.of(at(other, EntityType.PERSON, "met Tom", 0), at(other, EntityType.ORGANIZATION, "TS", 0));
        assertThat(AcronymDefinitions.apply(other, crossing)).isEqualTo(crossing);
        List<RawMention> found = List.of(at(other, EntityType.PERSON, "Tom Smith", 0), at(other, EntityType.ORGANIZATION, "TS", 0));
        assertThat(AcronymDefinitions.apply(other, found)).isEqualTo(found);
    }

    @Test
    void noParenthesisOrNoInitialsNoChange() {
        // initials that do not spell the acronym; a lower-case word ends the search ("said")
        String text = "The GNA said the House of Lords (HoR) and the Central Bank (GNA) talked.";
        List<RawMention> in = List.of(at(text, EntityType.ORGANIZATION, "GNA", 0), at(text, EntityType.ORGANIZATION, "HoR", 0),
                at(text, EntityType.ORGANIZATION, "GNA", 40));
        assertThat(AcronymDefinitions.apply(text, in)).isEqualTo(in);
    }
}
