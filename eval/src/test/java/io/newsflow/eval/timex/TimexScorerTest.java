package io.newsflow.eval.timex;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimexScorerTest {

    private static TimexSpan t(int start, int end, String type, String value) {
        return new TimexSpan(start, end, type, value, "");
    }

    @Test
    void strictRelaxedValueAndType() {
        List<TimexSpan> gold = List.of(
                t(0, 5, "DATE", "2013-12-10"),
                t(10, 20, "DURATION", "P33Y"),
                t(30, 35, "DATE", "PRESENT_REF"),
                t(50, 55, "DATE", "2013"));
        List<TimexSpan> system = List.of(
                t(0, 5, "DATE", "2013-12-10"),     // exact, right value
                t(12, 20, "DURATION", "P33Y"),     // overlap, right value
                t(28, 40, "TIME", "2013-12-10T10:00"), // overlap, wrong value and type
                t(60, 65, "DATE", "2014"));        // spurious; gold 50-55 missed
        TimexScorer scorer = new TimexScorer();
        TimexScorer.Pairing pairing = scorer.add("d", "", gold, system);
        assertThat(pairing.pairs()).hasSize(3);
        assertThat(pairing.missed()).containsExactly(gold.get(3));
        assertThat(pairing.spurious()).containsExactly(system.get(3));

        assertThat(scorer.strict().precision()).isEqualTo(0.25);
        assertThat(scorer.strict().recall()).isEqualTo(0.25);
        assertThat(scorer.relaxed().precision()).isEqualTo(0.75);
        assertThat(scorer.relaxed().recall()).isEqualTo(0.75);
        assertThat(scorer.value().f1()).isEqualTo(0.5);
        assertThat(scorer.typeAccuracy()).isEqualTo(2.0 / 3);
    }

    @Test
    void precisionAndRecallUseTheirOwnDenominators() {
        TimexScorer scorer = new TimexScorer();
        scorer.add("d", "", List.of(t(0, 4, "DATE", "2019")), List.of(t(0, 4, "DATE", "2019"), t(10, 14, "DATE", "2020")));
        assertThat(scorer.strict().precision()).isEqualTo(0.5);
        assertThat(scorer.strict().recall()).isEqualTo(1.0);
        assertThat(scorer.value().precision()).isEqualTo(0.5);
        assertThat(scorer.value().recall()).isEqualTo(1.0);
    }

    @Test
    void pairingIsOneToOneExactFirstThenLargestOverlap() {
        // one system span overlapping two gold spans pairs with the larger overlap only
        TimexScorer.Pairing p = TimexScorer.pair(
                List.of(t(0, 10, "DATE", "a"), t(12, 20, "DATE", "b")),
                List.of(t(5, 15, "DATE", "a")));
        assertThat(p.pairs()).hasSize(1);
        assertThat(p.pairs().get(0).gold().value()).isEqualTo("a");
        assertThat(p.missed()).hasSize(1);

        // an exact match wins over an overlap listed first
        p = TimexScorer.pair(List.of(t(0, 10, "DATE", "a")), List.of(t(2, 8, "DATE", "x"), t(0, 10, "DATE", "a")));
        assertThat(p.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.exact()).isTrue();
            assertThat(pair.system().value()).isEqualTo("a");
        });
        assertThat(p.spurious()).containsExactly(t(2, 8, "DATE", "x"));

        // touching spans do not overlap
        p = TimexScorer.pair(List.of(t(0, 5, "DATE", "a")), List.of(t(5, 9, "DATE", "a")));
        assertThat(p.pairs()).isEmpty();
    }
}
