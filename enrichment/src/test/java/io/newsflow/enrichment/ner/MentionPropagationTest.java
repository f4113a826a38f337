package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class MentionPropagationTest {

    @Test
    void untaggedOccurrencesOfFoundNamesBecomeMentions() {
        String text = "Marshal Khalifa Haftar met Theresa May in Moscow. Haftar's plan, Moscow said, starts in May. "
                + "Haftarism is no name. GNA and the Government of National Accord.";
        List<RawMention> tagged = List.of(
                new RawMention(EntityType.PERSON, "Marshal Khalifa Haftar", 0, 22),
                new RawMention(EntityType.PERSON, "Theresa May", 27, 38),
                new RawMention(EntityType.LOCATION, "Moscow", 42, 48),
                new RawMention(EntityType.ORGANIZATION, "GNA", text.indexOf("GNA"), text.indexOf("GNA") + 3));
        List<RawMention> all = MentionPropagation.propagate(text, tagged);

        assertThat(all).extracting(RawMention::type, RawMention::text).containsExactly(
                tuple(EntityType.PERSON, "Marshal Khalifa Haftar"),
                tuple(EntityType.PERSON, "Theresa May"),
                tuple(EntityType.LOCATION, "Moscow"),
                tuple(EntityType.PERSON, "Haftar"),   // the surname, before "'s"
                tuple(EntityType.LOCATION, "Moscow"),
                // not "May" (a month name), not "Haftar" inside "Haftarism", not the three-letter "GNA"
                tuple(EntityType.ORGANIZATION, "GNA"));
        all.forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void multiWordMiscNamesPropagateButNotOneWordOnesNorInsideLongerNames() {
        String text = "The Tarn Street Blues and Norlandic songs. Tarn Street Blues, Norlandic, A Tarn Street Blues.";
        List<RawMention> tagged = List.of(
                new RawMention(EntityType.MISC, "Tarn Street Blues", 4, 21),
                new RawMention(EntityType.MISC, "Norlandic", 26, 35));
        assertThat(MentionPropagation.propagate(text, tagged)).extracting(RawMention::text, RawMention::start).containsExactly(
                tuple("Tarn Street Blues", 4), tuple("Norlandic", 26), tuple("Tarn Street Blues", text.indexOf("Tarn", 30)));
    }

    @Test
    void nothingToPropagate() {
        assertThat(MentionPropagation.propagate("Nothing here.", List.of())).isEmpty();
    }
}
