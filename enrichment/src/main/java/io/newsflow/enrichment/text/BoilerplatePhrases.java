package io.newsflow.enrichment.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The boilerplate phrases of languages other than English, read from the tables in {@code boilerplate/} (one per
 * rule kind, one row per language and phrase): adding a language is adding rows, not code.
 *
 * <p>Which language's rows apply depends on the risk of the rule kind. Whole lines ("Anzeige", "Kommentare (12)",
 * "Lesen Sie auch: ..."), credit-line openings, tail headings and share-button labels are not prose in any
 * language, so every language's rows apply to every article (a text in an unknown language included). A prompt
 * recognised by a pair of words ("Newsletter" with "jetzt") can be a sentence of prose, so those rows apply only
 * to articles in their own language.
 *
 * <p>Phrase syntax: {@code #} is a number; {@code …} at the end is any text after the phrase, at the start any
 * text before it, in the middle one to forty characters. Phrases match lines as {@link TextCleaner#normalise}
 * gives them (lower case, bullets and dashes trimmed).
 */
final class BoilerplatePhrases {

    /** What a tail heading opens. */
    enum Tail { COMMENTS, LINKS }

    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";

    /** Widget lines and credit-line openings of all languages, as one pattern. */
    private static final Pattern LINE = anyOf(rows("lines.tsv", 2), rows("credits.tsv", 2));
    private static final Pattern COMMENTS_HEADING = anyOf(tailRows("comments"));
    private static final Pattern LINKS_HEADING = anyOf(tailRows("links"));
    private static final Set<String> SHARE_LABELS = shareLabels();
    /** language -> [subscription words, words addressing the reader]. */
    private static final Map<String, Pattern[]> SUBSCRIBE = subscribeWords();

    private BoilerplatePhrases() {
    }

    /** A widget line, call to action, link label or credit line in one of the tables' languages. */
    static boolean isBoilerplateLine(String norm) {
        return LINE.matcher(norm).matches();
    }

    /** The kind of tail heading this line is, or null. */
    static Tail tailHeading(String norm) {
        if (COMMENTS_HEADING.matcher(norm).matches()) {
            return Tail.COMMENTS;
        }
        return LINKS_HEADING.matcher(norm).matches() ? Tail.LINKS : null;
    }

    /** A share-button label ("teilen", "partager"), one token of a button row. */
    static boolean isShareLabel(String token) {
        return SHARE_LABELS.contains(token);
    }

    /**
     * A newsletter or notification prompt in the article's language: a subscription word and a word addressing
     * the reader, both of that language. {@code articleLanguage} (an ISO 639-1 code, or null) is asked only when
     * some language's pair is in the line, so that most articles never need it.
     */
    static boolean isSubscribePrompt(String norm, Supplier<String> articleLanguage) {
        for (Map.Entry<String, Pattern[]> e : SUBSCRIBE.entrySet()) {
            Pattern[] words = e.getValue();
            if (words[0].matcher(norm).find() && words[1].matcher(norm).find() && e.getKey().equals(articleLanguage.get())) {
                return true;
            }
        }
        return false;
    }

    // ---- the tables

    /** The phrase column of a table whose rows have {@code columns} columns (phrase last). */
    private static List<String> rows(String table, int columns) {
        List<String> phrases = new ArrayList<>();
        for (String[] row : read(table, columns)) {
            phrases.add(row[columns - 1]);
        }
        return phrases;
    }

    private static List<String> tailRows(String kind) {
        List<String> phrases = new ArrayList<>();
        for (String[] row : read("tail-headings.tsv", 3)) {
            if (row[1].equals(kind)) {
                phrases.add(row[2]);
            }
        }
        return phrases;
    }

    private static Set<String> shareLabels() {
        Set<String> labels = new HashSet<>();
        for (String[] row : read("share-buttons.tsv", 2)) {
            labels.add(row[1]);
        }
        return Set.copyOf(labels);
    }

    private static Map<String, Pattern[]> subscribeWords() {
        Map<String, String[]> words = new LinkedHashMap<>();
        for (String[] row : read("subscribe.tsv", 3)) {
            int kind = switch (row[1]) {
                case "subscribe" -> 0;
                case "addressing" -> 1;
                default -> throw new IllegalStateException("subscribe.tsv: unknown kind " + row[1]);
            };
            words.computeIfAbsent(row[0], k -> new String[2])[kind] = row[2];
        }
        Map<String, Pattern[]> patterns = new LinkedHashMap<>();
        words.forEach((language, lists) -> {
            if (lists[0] == null || lists[1] == null) {
                throw new IllegalStateException("subscribe.tsv: " + language + " needs both kinds of words");
            }
            patterns.put(language, new Pattern[] {anyWord(lists[0]), anyWord(lists[1])});
        });
        return Map.copyOf(patterns);
    }

    /** One of the space-separated words, as a whole word. */
    private static Pattern anyWord(String words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words.strip().split("\\s+")) {
            quoted.add(Pattern.quote(w));
        }
        return Pattern.compile(NOT_WORD_BEFORE + "(?:" + String.join("|", quoted) + ")" + NOT_WORD_AFTER);
    }

    /** Rows of a table: tab-separated, {@code #} comments and blank lines skipped. */
    private static List<String[]> read(String table, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = BoilerplatePhrases.class.getResourceAsStream("boilerplate/" + table)) {
            if (in == null) {
                throw new IllegalStateException("missing resource boilerplate/" + table);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length != columns || row[columns - 1].isBlank()) {
                    throw new IllegalStateException("boilerplate/" + table + " line " + number + ": expected " + columns + " columns");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    // ---- phrases to patterns

    @SafeVarargs
    private static Pattern anyOf(List<String>... tables) {
        List<String> alternatives = new ArrayList<>();
        for (List<String> table : tables) {
            for (String phrase : table) {
                alternatives.add(regex(phrase));
            }
        }
        return Pattern.compile("(?:" + String.join("|", alternatives) + ")");
    }

    /** A phrase of the tables as a regular expression over a whole normalised line. */
    static String regex(String phrase) {
        String[] tokens = phrase.strip().split("\\s+");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            boolean first = i == 0;
            boolean last = i == tokens.length - 1;
            if (token.equals("…")) {
                if (first && last) {
                    throw new IllegalArgumentException("a phrase of only '…'");
                }
                // at the start: any text before; at the end: any text after; between words: a name or two
                re.append(first ? ".*" + NOT_WORD_BEFORE : last ? NOT_WORD_AFTER + ".*" : "\\s+.{1,40}?");
                continue;
            }
            if (!first) {
                re.append(separator(tokens[i - 1], i - 1 == 0, token));
            }
            re.append(tokenRegex(token));
        }
        return re.toString();
    }

    /** What goes between two tokens: a space, optional before punctuation ("Kommentare (12)", "Foto : X"). */
    private static String separator(String previous, boolean previousFirst, String token) {
        if (previous.equals("…")) {
            return previousFirst ? "" : "\\s+"; // a leading "…" ends at a word boundary already
        }
        return Character.isLetterOrDigit(token.codePointAt(0)) || token.startsWith("#") ? "\\s+" : "\\s*";
    }

    /** A token: "#" is a number, ":" may have a space before it (French), the rest literal. */
    private static String tokenRegex(String token) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '#' || c == ':') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '#' ? "\\d[\\d.,]*" : "\\s*:");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return re.toString();
    }
}
