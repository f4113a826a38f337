package io.newsflow.enrichment.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans headlines: strips site and section names that pages append ("Headline / News / News agency
 * Inforos", "Headline | Site", "Headline - Some Site") and breadcrumbs that precede them
 * ("Home Reports Headline").
 */
public final class TitleCleaner {

    /** A separator between headline and site parts: needs whitespace on both sides, so "U.S.-Russia" stays. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+([|/»·•]|::|[-–—]{1,2})\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** "example.com", "rt.com", "news.example.co.uk". */
    private static final Pattern DOMAIN = Pattern.compile("(?i)^[\\w-]+(\\.[\\w-]+)*\\.[a-z]{2,6}$");
    /** Words that name media outlets rather than say something. */
    private static final Pattern SITE_WORD = Pattern.compile("(?i)\\b(news|agency|times|post|daily|press|tv|radio|online|"
            + "media|herald|tribune|journal|gazette|network|blog|magazine|channel|wire|observer|chronicle|telegraph|"
            + "guardian|express|monitor|weekly|digest|insider|mail|globe|reuters|bbc|cnn|afp|front|com)\\b");
    /** Lines that credit a source or translator, not headlines. */
    static final Pattern CREDIT = Pattern.compile("(?i)^(originally (appeared|published|posted)\\b|translated (by|from)\\b|"
            + "edited by\\b|(photo|image|picture|video)s?( credits?| source)?\\s*:|source\\s*:|copyright\\b|©)");
    private static final Pattern HOME = Pattern.compile("(?i)^home\\b");

    private TitleCleaner() {
    }

    /** Strips site/section suffixes; null for a blank title. */
    public static String clean(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = WHITESPACE.matcher(title).replaceAll(" ").strip();
        List<String> parts = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(t);
        int last = 0;
        while (m.find()) {
            parts.add(t.substring(last, m.start()));
            separators.add(m.group(1));
            last = m.end();
        }
        parts.add(t.substring(last));
        if (parts.size() == 1) {
            return t;
        }
        // breadcrumb first: "Home / World / Headline" keeps the last part
        if (HOME.matcher(parts.get(0)).matches()) {
            return parts.get(parts.size() - 1);
        }
        boolean strippedSite = false;
        while (parts.size() > 1) {
            String tail = parts.get(parts.size() - 1);
            String sep = separators.get(separators.size() - 1);
            int headWords = words(String.join(" ", parts.subList(0, parts.size() - 1)));
            boolean site = looksLikeSite(tail, sep, headWords)
                    // sections ("News", "World") sit between the headline and an already stripped site name
                    || (strippedSite && words(tail) <= 3 && headWords >= 3);
            if (!site) {
                break;
            }
            strippedSite = true;
            parts.remove(parts.size() - 1);
            separators.remove(separators.size() - 1);
        }
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            sb.append(' ').append(separators.get(i - 1)).append(' ').append(parts.get(i));
        }
        return sb.toString();
    }

    /**
     * Cleans the title with the help of the body: drops a breadcrumb prefix when the body starts with the
     * bare headline ("Home Reports Headline" + body line "Headline"). Returns null when the "title" is
     * really a credit line, so that the caller takes one from the text.
     */
    public static String clean(String title, String body) {
        String t = clean(title);
        if (t == null || CREDIT.matcher(t).find()) {
            return null;
        }
        String firstLine = firstNonBlankLine(body);
        if (firstLine != null) {
            String line = clean(firstLine);
            String lt = t.toLowerCase(Locale.ROOT);
            String ll = line.toLowerCase(Locale.ROOT);
            int prefixWords = words(t) - words(line);
            if (!lt.equals(ll) && lt.endsWith(" " + ll) && words(line) >= 3 && prefixWords <= 4) {
                return line;
            }
        }
        return t;
    }

    /** A title for an article that has none: its first sentence (or first 160 characters at a word break). */
    public static String fromText(String text) {
        String line = firstNonBlankLine(text);
        if (line == null) {
            return null;
        }
        Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(line);
        String sentence = end.find() ? line.substring(0, end.start() + 1) : line;
        if (sentence.length() > 160) {
            int cut = sentence.lastIndexOf(' ', 160);
            sentence = sentence.substring(0, cut > 40 ? cut : 160) + "…";
        }
        return sentence.strip();
    }

    private static boolean looksLikeSite(String part, String separator, int headWords) {
        int w = words(part);
        if (headWords < 2 || w > 6) {
            return false;
        }
        if (DOMAIN.matcher(part).matches() || SITE_WORD.matcher(part).find()) {
            return true;
        }
        boolean strongSeparator = separator.equals("|") || separator.equals("/") || separator.equals("::");
        // "Headline - Al Jazeera English": a short name in Title Case after a headline of some length
        return headWords >= 4 && w <= 4 && (strongSeparator || isTitleCase(part));
    }

    private static boolean isTitleCase(String s) {
        for (String w : WHITESPACE.split(s.strip())) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0)) && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : WHITESPACE.split(t).length;
    }

    private static String firstNonBlankLine(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }
}
