package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places qualified by a larger place: English writes a small place followed by its county, state or country,
 * "Tarnby, Norland," or "in Redhill, Norland." The CRF often takes an unfamiliar village for a surname. A person
 * (or MISC) mention followed by a comma and a location mention that closes the phrase (punctuation or the end of
 * the line after it) is a location when it is one word or follows a locative preposition ("in", "near"...); full
 * person names in result lists ("Jan Tarn, Norland, 2:01") stay persons. The retyping holds in the whole article.
 */
public final class PlaceQualifiers {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern LOCATIVE = Pattern.compile("\\b(?:in|near|at|from|to|of|outside|between|and)\\s+$");

    private PlaceQualifiers() {
    }

    public static List<RawMention> apply(String text, List<RawMention> mentions) {
        Set<String> places = new HashSet<>();
        for (int i = 0; i + 1 < mentions.size(); i++) {
            RawMention m = mentions.get(i);
            RawMention next = mentions.get(i + 1);
            if ((m.type() != EntityType.PERSON && m.type() != EntityType.MISC) || next.type() != EntityType.LOCATION
                    || !COMMA.matcher(text.substring(m.end(), next.start())).matches() || !closes(text, next.end())) {
                continue;
            }
            String name = m.text();
            boolean oneWord = name.indexOf(' ') < 0;
            String before = text.substring(Math.max(0, m.start() - 12), m.start());
            if ((oneWord || LOCATIVE.matcher(before).find()) && !PersonNames.isTitle(lastWord(before))) {
                places.add(PersonNames.tidy(name));
            }
        }
        if (places.isEmpty()) {
            return mentions;
        }
        List<RawMention> out = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            out.add(m.type() != EntityType.LOCATION && m.type() != EntityType.ORGANIZATION
                    && places.contains(PersonNames.tidy(m.text()))
                    ? new RawMention(EntityType.LOCATION, m.text(), m.start(), m.end()) : m);
        }
        return out;
    }

    /** Punctuation or the end of the line right after the place. */
    private static boolean closes(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) == '\n') {
            return true;
        }
        char c = text.charAt(i);
        return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(';
    }

    private static String lastWord(String s) {
        String t = s.strip();
        int space = t.lastIndexOf(' ');
        return space < 0 ? t : t.substring(space + 1);
    }
}
