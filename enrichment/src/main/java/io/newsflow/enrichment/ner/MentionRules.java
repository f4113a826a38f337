package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes to the tagger's spans before grouping. The CRF sometimes runs an organization into the person that
 * follows it:
 * <ul>
 *   <li>"Libyan National Army Marshal Khalifa Haftar" as one ORGANIZATION: a person title inside a non-person
 *       span, followed by at least two capitalised words, starts a person; the span is split there (the title
 *       itself belongs to neither);</li>
 *   <li>"Government of National Accord of Fayez al-Sarraj": a non-person span ending in "of" + a full person
 *       name tagged elsewhere in the article is split before "of";</li>
 *   <li>"Tarn Club / Norland Bar": names separated by a spaced slash are split there, each part keeping the type;</li>
 *   <li>"Norland University's Tarn Research Centre": split at an inner possessive followed by two capitalised words.</li>
 * </ul>
 */
public final class MentionRules {

    /** Titles that only stand before a person's name (not "General", which names staffs and companies). */
    private static final Set<String> PERSON_TITLES = Set.of("marshal", "president", "minister", "premier",
            "chancellor", "mr", "mrs", "ms", "dr", "sheikh", "senator", "ambassador", "envoy", "commander", "spokesman",
            "spokeswoman", "king", "queen", "prince", "princess");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private MentionRules() {
    }

    public static List<RawMention> apply(List<RawMention> mentions) {
        List<RawMention> titled = new ArrayList<>(mentions.size());
        for (RawMention m : splitAtPossessives(splitAtSlashes(mentions))) {
            if (m.type() == EntityType.PERSON) {
                titled.add(m);
            } else {
                splitAtPersonTitle(m, titled);
            }
        }
        Set<String> fullNames = new HashSet<>();
        for (RawMention m : titled) {
            String name = PersonNames.stripTitles(m.text());
            if (m.type() == EntityType.PERSON && name.contains(" ")) {
                fullNames.add(name);
            }
        }
        List<RawMention> out = new ArrayList<>(titled.size());
        for (RawMention m : titled) {
            splitBeforeOfPerson(m, fullNames, out);
        }
        return out;
    }

    /** "Tarn Club / Norland Bar / Redhill Lounge": a list the tagger ran together; each part keeps the type. */
    static List<RawMention> splitAtSlashes(List<RawMention> mentions) {
        List<RawMention> out = null;
        for (int i = 0; i < mentions.size(); i++) {
            RawMention m = mentions.get(i);
            if (!m.text().contains(" / ")) {
                if (out != null) {
                    out.add(m);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(mentions.subList(0, i));
            }
            int from = 0;
            while (from <= m.text().length()) {
                int slash = m.text().indexOf(" / ", from);
                int to = slash < 0 ? m.text().length() : slash;
                String part = m.text().substring(from, to);
                int lead = part.length() - part.stripLeading().length();
                String stripped = part.strip();
                if (!stripped.isEmpty()) {
                    int start = m.start() + from + lead;
                    out.add(new RawMention(m.type(), stripped, start, start + stripped.length()));
                }
                if (slash < 0) {
                    break;
                }
                from = slash + 3;
            }
        }
        return out == null ? mentions : out;
    }

    /** "Norland's Tarn Valley Project": a possessive inside a span separates the owner's name from the owned one. */
    private static final Pattern INNER_POSSESSIVE = Pattern.compile(" ?['’]s (?=\\p{Lu}\\S* \\p{Lu})");

    /**
     * "Norland University's Tarn Research Centre": two names, split at the possessive when the part after it has two
     * capitalised words or more (so "Howe's Brigade", one name, stays whole); both parts keep the type.
     */
    static List<RawMention> splitAtPossessives(List<RawMention> mentions) {
        List<RawMention> out = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            Matcher p = INNER_POSSESSIVE.matcher(m.text());
            if (m.type() == EntityType.PERSON || !p.find() || p.start() == 0) {
                out.add(m);
                continue;
            }
            String owner = m.text().substring(0, p.start());
            String owned = m.text().substring(p.end());
            out.add(new RawMention(m.type(), owner, m.start(), m.start() + owner.length()));
            out.add(new RawMention(m.type(), owned, m.start() + p.end(), m.end()));
        }
        return out;
    }

    private static void splitBeforeOfPerson(RawMention m, Set<String> fullNames, List<RawMention> out) {
        if (m.type() != EntityType.PERSON) {
            for (String name : fullNames) {
                String tail = " of " + name;
                if (m.text().endsWith(tail) && m.text().length() > tail.length()) {
                    int cut = m.text().length() - tail.length();
                    int nameStart = m.text().length() - name.length();
                    out.add(new RawMention(m.type(), m.text().substring(0, cut), m.start(), m.start() + cut));
                    out.add(new RawMention(EntityType.PERSON, name, m.start() + nameStart, m.end()));
                    return;
                }
            }
        }
        out.add(m);
    }

    private static void splitAtPersonTitle(RawMention m, List<RawMention> out) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(m.text());
        while (w.find()) {
            words.add(new int[]{w.start(), w.end()});
        }
        for (int i = 0; i + 2 < words.size(); i++) {
            String word = m.text().substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT).replace(".", "");
            if (PERSON_TITLES.contains(word) && capitalised(m.text(), words.subList(i + 1, words.size()))) {
                if (i > 0) {
                    int end = words.get(i - 1)[1];
                    out.add(new RawMention(m.type(), m.text().substring(0, end), m.start(), m.start() + end));
                }
                int start = words.get(i + 1)[0];
                out.add(new RawMention(EntityType.PERSON, m.text().substring(start), m.start() + start, m.end()));
                return;
            }
        }
        out.add(m);
    }

    private static boolean capitalised(String text, List<int[]> words) {
        for (int[] w : words) {
            if (!Character.isUpperCase(text.charAt(w[0]))) {
                return false;
            }
        }
        return words.size() >= 2;
    }
}
