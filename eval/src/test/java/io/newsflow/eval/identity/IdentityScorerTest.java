package io.newsflow.eval.identity;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IdentityScorerTest {

    private static final String TEXT = " ".repeat(100);

    private static IdentityDocument.GoldMention gold(int start, String title) {
        return new IdentityDocument.GoldMention(start, start + 5, "m" + start, IdentityDocument.normaliseTitle(title));
    }

    private static KeyedMention out(int start, int end, String key) {
        return new KeyedMention(start, end, key, null);
    }

    private static KeyedMention linked(int start, String key, String title) {
        return new KeyedMention(start, start + 5, key, IdentityDocument.normaliseTitle(title));
    }

    /**
     * Units: d1 X->kx2 (two of its three overlapping mentions say kx2), d1 Y->kx, d1 W->kw, d2 X->kx2, d2 Y->kx2,
     * d2 Q->kq; d1's Z is not found. W and Q are alone under title and key: left out. By hand:
     * P = (2/3 + 1 + 2/3 + 1/3) / 4 = 2/3, R = (1 + 1/2 + 1 + 1/2) / 4 = 3/4, F1 = 12/17.
     */
    @Test
    void bCubedOverUnitsOfAllDocuments() {
        IdentityScorer scorer = new IdentityScorer();
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "X"), gold(10, "X"), gold(20, "Y"), gold(30, "Z"),
                        gold(40, "W"))),
                List.of(out(0, 5, "kx"), out(10, 15, "kx2"), out(11, 14, "kx2"), out(20, 25, "kx"), out(40, 45, "kw"),
                        out(50, 55, "kx")));
        scorer.add(new IdentityDocument("d2", TEXT, List.of(gold(0, "X"), gold(10, "Y"), gold(20, "Q"))),
                List.of(out(2, 8, "kx2"), out(10, 15, "kx2"), out(20, 25, "kq")));

        assertThat(scorer.scoredUnits()).extracting(s -> s.unit().title() + "=" + s.unit().key())
                .containsExactly("X=kx2", "Y=kx", "W=kw", "X=kx2", "Y=kx2", "Q=kq");
        assertThat(scorer.scoredUnits()).extracting(IdentityScorer.ScoredUnit::scored)
                .containsExactly(true, true, false, true, true, false);
        assertThat(scorer.goldMentions()).isEqualTo(8);
        assertThat(scorer.foundMentions()).isEqualTo(7);

        IdentityScorer.BCubed b = scorer.bCubed();
        assertThat(b.units()).isEqualTo(6);
        assertThat(b.scoredUnits()).isEqualTo(4);
        assertThat(b.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(b.recall()).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(b.f1()).isCloseTo(12.0 / 17, within(1e-12));
    }

    @Test
    void perfectKeysScoreOne() {
        IdentityScorer scorer = new IdentityScorer();
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "United States"), gold(10, "Paris"))),
                List.of(out(0, 5, "location:united-states"), out(10, 15, "location:paris")));
        scorer.add(new IdentityDocument("d2", TEXT, List.of(gold(0, "United_States"), gold(10, "Paris"))),
                List.of(out(0, 5, "location:united-states"), out(10, 15, "location:paris")));
        assertThat(scorer.bCubed().precision()).isEqualTo(1.0);
        assertThat(scorer.bCubed().recall()).isEqualTo(1.0);
    }

    @Test
    void oneKeyForTwoEntitiesLowersPrecisionOnly() {
        IdentityScorer scorer = new IdentityScorer();
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "Washington (state)"))), List.of(out(0, 5, "washington")));
        scorer.add(new IdentityDocument("d2", TEXT, List.of(gold(0, "Washington, D.C."))), List.of(out(0, 5, "washington")));
        assertThat(scorer.bCubed().precision()).isEqualTo(0.5);
        assertThat(scorer.bCubed().recall()).isEqualTo(1.0);
    }

    @Test
    void aTieGoesToTheAlphabeticallyFirstKey() {
        assertThat(IdentityScorer.majorityKey(new LinkedHashSet<>(List.of(out(0, 2, "b"), out(3, 5, "a"))))).isEqualTo("a");
        assertThat(IdentityScorer.majorityKey(new LinkedHashSet<>(List.of(out(0, 2, "b"), out(3, 5, "a"), out(6, 8, "b")))))
                .isEqualTo("b");
    }

    /**
     * Linked: "US" right, "Washington" wrong, "Foo" overlaps no gold mention (not counted), "Paris" unlinked:
     * precision 1/2; recall 1/3 (one of three gold mentions linked right).
     */
    @Test
    void linkingPrecisionOverLinkedMentionsOnGoldAndRecallOverGold() {
        IdentityScorer scorer = new IdentityScorer();
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "United States"), gold(10, "Washington, D.C."),
                        gold(20, "Paris"))),
                List.of(linked(0, "location:us", "United_States"), linked(10, "location:washington", "Washington (state)"),
                        linked(30, "misc:foo", "Foo"), out(20, 25, "location:paris")));
        IdentityScorer.Linking l = scorer.linking();
        assertThat(l.linked()).isEqualTo(2);
        assertThat(l.rightLinks()).isEqualTo(1);
        assertThat(l.gold()).isEqualTo(3);
        assertThat(l.goldLinkedRight()).isEqualTo(1);
        assertThat(l.precision()).isEqualTo(0.5);
        assertThat(l.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(l.f1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void goldMentionsWithoutATitleAreIgnored() {
        IdentityScorer scorer = new IdentityScorer();
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "NIL"), gold(10, ""))),
                List.of(linked(0, "person:a", "A"), out(10, 15, "person:b")));
        assertThat(scorer.goldMentions()).isZero();
        assertThat(scorer.bCubed().units()).isZero();
        assertThat(scorer.linking().linked()).isZero();
    }

    @Test
    void titlesAreComparedWithUnderscoresAsSpaces() {
        assertThat(IdentityDocument.normaliseTitle(" United_States ")).isEqualTo("United States");
        assertThat(IdentityDocument.normaliseTitle("United  States")).isEqualTo("United States");
        assertThat(IdentityDocument.normaliseTitle("NIL")).isNull();
        assertThat(IdentityDocument.normaliseTitle(null)).isNull();
    }

    @Test
    void everyGoldMentionWithATitleIsListedWithWhatOverlapsIt() {
        IdentityScorer scorer = new IdentityScorer();
        KeyedMention right = linked(0, "location:x", "X");
        KeyedMention unlinked = out(10, 15, "ky");
        scorer.add(new IdentityDocument("d1", TEXT, List.of(gold(0, "X"), gold(10, "Y"), gold(20, "Z"), gold(30, "NIL"))),
                List.of(right, unlinked));

        assertThat(scorer.outcomes()).extracting(o -> o.gold().title()).containsExactly("X", "Y", "Z");
        assertThat(scorer.outcomes()).extracting(IdentityScorer.GoldOutcome::overlapping)
                .containsExactly(List.of(right), List.of(unlinked), List.of());
    }
}
