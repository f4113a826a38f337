package io.newsflow.eval.identity;

import io.newsflow.eval.util.Prf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a system's entity keys group mentions as the real world does (the identity set's README):
 * <ol>
 *   <li>a gold mention with a title is <em>found</em> when an output mention overlaps it;</li>
 *   <li>per document, the found mentions of one title form a <em>unit</em>; its key is the key carried by most of the
 *       distinct output mentions overlapping them (a tie: the alphabetically first key);</li>
 *   <li>over all units of all documents, B-cubed: per unit, precision |same title and same key| / |same key| and
 *       recall |same title and same key| / |same title| (counting units, itself included), each averaged over the
 *       units, leaving out units alone under both their title and their key; F1 of the two averages.</li>
 * </ol>
 * Linking: a linked output mention that overlaps a gold mention with a title is right when its link is the title of
 * one of the gold mentions it overlaps (precision: over those output mentions); a gold mention with a title is linked
 * right when an output mention overlapping it carries its title (recall: over all gold mentions with a title).
 */
public final class IdentityScorer {

    /** A title's found mentions in one document, with the key they got. */
    public record Unit(String document, String title, String key, List<String> mentions) {
    }

    /**
     * One unit with its B-cubed counts (units, itself included): of its key, of its title, of both. It is scored
     * unless it is alone under both its title and its key.
     */
    public record ScoredUnit(Unit unit, int sameKey, int sameTitle, int sameBoth) {

        public boolean scored() {
            return sameKey > 1 || sameTitle > 1;
        }

        public double precision() {
            return (double) sameBoth / sameKey;
        }

        public double recall() {
            return (double) sameBoth / sameTitle;
        }
    }

    /** B-cubed averages over the scored units. */
    public record BCubed(double precision, double recall, int units, int scoredUnits) {

        public double f1() {
            return Prf.f1(precision, recall);
        }
    }

    /**
     * Linking counts: precision = {@code rightLinks / linked}, recall = {@code goldLinkedRight / gold}.
     *
     * @param linked          linked output mentions overlapping a gold mention with a title
     * @param rightLinks      those whose link is the title of a gold mention they overlap
     * @param gold            gold mentions with a title
     * @param goldLinkedRight gold mentions with a title that an overlapping output mention links to that title
     */
    public record Linking(int linked, int rightLinks, int gold, int goldLinkedRight) {

        public double precision() {
            return linked == 0 ? 0 : (double) rightLinks / linked;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) goldLinkedRight / gold;
        }

        public double f1() {
            return Prf.f1(precision(), recall());
        }
    }

    /** One gold mention with a title and the output mentions overlapping it (none: not found), for error listings. */
    public record GoldOutcome(String document, IdentityDocument.GoldMention gold, List<KeyedMention> overlapping) {
    }

    private final List<Unit> units = new ArrayList<>();
    private final List<GoldOutcome> outcomes = new ArrayList<>();
    private int documents;
    private int goldMentions;
    private int foundMentions;
    private int linked;
    private int rightLinks;
    private int goldLinkedRight;

    /** Scores one document's output against its gold mentions (those without a title are ignored). */
    public void add(IdentityDocument document, List<KeyedMention> output) {
        documents++;
        Map<String, List<IdentityDocument.GoldMention>> found = new LinkedHashMap<>(); // title -> its found mentions
        Map<String, Set<KeyedMention>> overlapping = new LinkedHashMap<>(); // title -> output mentions overlapping them
        for (IdentityDocument.GoldMention gold : document.mentions()) {
            if (gold.title() == null) {
                continue;
            }
            goldMentions++;
            List<KeyedMention> over = output.stream().filter(m -> m.overlaps(gold)).toList();
            outcomes.add(new GoldOutcome(document.id(), gold, over));
            if (over.isEmpty()) {
                continue;
            }
            foundMentions++;
            found.computeIfAbsent(gold.title(), t -> new ArrayList<>()).add(gold);
            overlapping.computeIfAbsent(gold.title(), t -> new LinkedHashSet<>()).addAll(over);
            if (over.stream().anyMatch(m -> gold.title().equals(m.link()))) {
                goldLinkedRight++;
            }
        }
        for (var e : found.entrySet()) {
            units.add(new Unit(document.id(), e.getKey(), majorityKey(overlapping.get(e.getKey())),
                    e.getValue().stream().map(IdentityDocument.GoldMention::text).toList()));
        }
        for (KeyedMention m : output) {
            if (m.link() == null) {
                continue;
            }
            List<String> titles = document.mentions().stream()
                    .filter(g -> g.title() != null && m.overlaps(g)).map(IdentityDocument.GoldMention::title).toList();
            if (!titles.isEmpty()) {
                linked++;
                rightLinks += titles.contains(m.link()) ? 1 : 0;
            }
        }
    }

    /** The key most of the mentions carry; a tie goes to the alphabetically first. */
    static String majorityKey(Set<KeyedMention> mentions) {
        Map<String, Integer> counts = new HashMap<>();
        mentions.forEach(m -> counts.merge(m.key(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElseThrow();
    }

    /** Every unit with its B-cubed counts, in document order. */
    public List<ScoredUnit> scoredUnits() {
        Map<String, Integer> byTitle = new HashMap<>();
        Map<String, Integer> byKey = new HashMap<>();
        Map<List<String>, Integer> byBoth = new HashMap<>();
        for (Unit u : units) {
            byTitle.merge(u.title(), 1, Integer::sum);
            byKey.merge(u.key(), 1, Integer::sum);
            byBoth.merge(List.of(u.title(), u.key()), 1, Integer::sum);
        }
        return units.stream()
                .map(u -> new ScoredUnit(u, byKey.get(u.key()), byTitle.get(u.title()), byBoth.get(List.of(u.title(), u.key()))))
                .toList();
    }

    /** Every gold mention with a title and what overlapped it, in document order. */
    public List<GoldOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public BCubed bCubed() {
        double precision = 0;
        double recall = 0;
        int scored = 0;
        for (ScoredUnit s : scoredUnits()) {
            if (s.scored()) {
                precision += s.precision();
                recall += s.recall();
                scored++;
            }
        }
        return scored == 0 ? new BCubed(0, 0, units.size(), 0)
                : new BCubed(precision / scored, recall / scored, units.size(), scored);
    }

    public Linking linking() {
        return new Linking(linked, rightLinks, goldMentions, goldLinkedRight);
    }

    public int documents() {
        return documents;
    }

    /** Gold mentions with a title. */
    public int goldMentions() {
        return goldMentions;
    }

    /** Gold mentions with a title that an output mention overlaps. */
    public int foundMentions() {
        return foundMentions;
    }
}
