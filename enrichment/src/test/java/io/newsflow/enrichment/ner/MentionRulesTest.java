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
}
