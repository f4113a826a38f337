package io.newsflow.eval.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newsflow.eval.train.NerLabels.Scheme.IO;
import static io.newsflow.eval.train.NerLabels.Scheme.IOB2;
import static org.assertj.core.api.Assertions.assertThat;

class NerLabelsTest {

    @Test
    void ioTrainingLabelsAreTheBareTypes() {
        assertThat(NerLabels.toTrainingLabel("B-PER", IO)).isEqualTo("PER");
        assertThat(NerLabels.toTrainingLabel("I-ORG", IO)).isEqualTo("ORG");
        assertThat(NerLabels.toTrainingLabel("O", IO)).isEqualTo("O");
        assertThat(NerLabels.toTrainingLabel("B-PER", IOB2)).isEqualTo("B-PER");
    }

    @Test
    void ioOutputBecomesOneIob2MentionPerRunOfOneType() {
        assertThat(NerLabels.toIob2(List.of("PER", "PER", "LOC", "O", "ORG", "O", "ORG"), IO))
                .containsExactly("B-PER", "I-PER", "B-LOC", "O", "B-ORG", "O", "B-ORG");
        assertThat(NerLabels.toIob2(List.of("B-PER", "B-PER"), IOB2)).containsExactly("B-PER", "B-PER");
    }
}
