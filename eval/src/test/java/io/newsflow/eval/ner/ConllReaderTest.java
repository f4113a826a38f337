package io.newsflow.eval.ner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConllReaderTest {

    @Test
    void readsDocumentsSentencesTokensAndTags() {
        List<ConllDocument> docs = ConllReader.parse("""
                -DOCSTART-

                010\tB-MISC
                is\tO
                by\tO
                The\tB-ORG
                Mad\tI-ORG

                It\tO
                rocks\tO

                -DOCSTART-

                Paris\tB-LOC
                """, "wikigold");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).id()).isEqualTo("wikigold#1");
        assertThat(docs.get(0).sentences()).hasSize(2);
        assertThat(docs.get(0).sentences().get(0).tokens()).containsExactly("010", "is", "by", "The", "Mad");
        assertThat(docs.get(0).sentences().get(0).tags()).containsExactly("B-MISC", "O", "O", "B-ORG", "I-ORG");
        assertThat(docs.get(0).tokenCount()).isEqualTo(7);
        assertThat(docs.get(0).text()).isEqualTo("010 is by The Mad\nIt rocks");
        assertThat(docs.get(1).id()).isEqualTo("wikigold#2");
        assertThat(docs.get(1).goldTags()).containsExactly(List.of("B-LOC"));
    }

    @Test
    void aLineWithoutTagIsAnError() {
        assertThatThrownBy(() -> ConllReader.parse("-DOCSTART-\n\nlonely\n", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }
}
