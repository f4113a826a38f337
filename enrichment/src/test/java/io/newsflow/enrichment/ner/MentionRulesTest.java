package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class MentionRulesTest {

    @Test
    void namesRunTogetherAcrossSpacedSlashesAreSplit() {
        String text = "clubs like Tarn Club / Norland Bar / Redhill opened";
        int start = text.indexOf("Tarn");
        int end = text.indexOf(" opened");
        List<RawMention> in = List.of(new RawMention(EntityType.ORGANIZATION, text.substring(start, end), start, end),
                new RawMention(EntityType.ORGANIZATION, "AC/DC", 60, 65));
        assertThat(MentionRules.splitAtSlashes(in)).extracting(RawMention::text, RawMention::start).containsExactly(
                tuple("Tarn Club", start), tuple("Norland Bar", text.indexOf("Norland")), tuple("Redhill", text.indexOf("Redhill")),
                tuple("AC/DC", 60));
    }

    @Test
    void namesJoinedByAPossessiveAreSplitButNotOneNameWithAPossessive() {
        String text = "Norland University's Tarn Research Centre and Howe's Brigade";
        List<RawMention> in = List.of(new RawMention(EntityType.ORGANIZATION, "Norland University's Tarn Research Centre", 0, 41),
                new RawMention(EntityType.ORGANIZATION, "Howe's Brigade", 46, 60));
        assertThat(MentionRules.splitAtPossessives(in)).extracting(RawMention::text, RawMention::start).containsExactly(
                tuple("Norland University", 0), tuple("Tarn Research Centre", 21), tuple("Howe's Brigade", 46));
        assertThat(text.substring(21, 41)).isEqualTo("Tarn Research Centre");
    }
}
