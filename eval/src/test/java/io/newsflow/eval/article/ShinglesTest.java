package io.newsflow.eval.article;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShinglesTest {

    @Test
    void wordsAreUnicodeLetterDigitRuns() {
        assertThat(Shingles.words("Hello, world! It's Müller's café_2 in 2019.")).containsExactly(
                "Hello", "world", "It", "s", "Müller", "s", "café_2", "in", "2019");
    }

    @Test
    void fourShinglesAsAMultiset() {
        assertThat(Shingles.shingles("a b c d e")).hasSize(2);
        assertThat(Shingles.shingles("x x x x x")).containsEntry(List.of("x", "x", "x", "x"), 2);
        assertThat(Shingles.shingles("short text")).containsOnlyKeys(List.of("short", "text"));
        assertThat(Shingles.shingles("")).isEmpty();
    }

    @Test
    void perPagePrecisionAndRecall() {
        Shingles.Counts c = Shingles.match("a b c d e", "a b c d");
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isEqualTo(0.5);

        Shingles.Counts repeated = Shingles.match("x x x x x", "x x x x");
        assertThat(repeated.recall()).isEqualTo(0.5);

        Shingles.Counts extra = Shingles.match("a b c d", "z a b c d");
        assertThat(extra.precision()).isEqualTo(0.5);
        assertThat(extra.recall()).isEqualTo(1.0);

        Shingles.Counts same = Shingles.match("Hello world", "hello world");
        assertThat(same.precision()).isZero(); // case matters
    }

    @Test
    void meansOverPagesSkipEmptyPredictionsForPrecision() {
        Shingles.Summary s = Shingles.summarize(List.of(
                Shingles.match("a b c d e", "a b c d"),   // P 1, R 0.5
                Shingles.match("w x y z", "")));          // no prediction: left out of P, R 0
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(0.25);
        assertThat(s.f1()).isCloseTo(0.4, within(1e-9));
        assertThat(s.pages()).isEqualTo(2);
    }
}
