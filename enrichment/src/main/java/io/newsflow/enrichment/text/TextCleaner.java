package io.newsflow.enrichment.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Removes site chrome from plain article text, line by line, with general patterns: widgets and calls to
 * action (ratings, share buttons, "Advertisement", comment prompts), newsletter prompts, credit lines,
 * counters ("0 6,986"), breadcrumbs and repeated headlines, short lines in another script than the
 * article's, quoted duplicates, and everything after a "related posts"/comments heading near the end.
 *
 * <p>Only short lines are candidates (at most {@value #SHORT_LINE_WORDS} words): prose paragraphs are never
 * dropped by a keyword.
 *
 * <p>The patterns here are English; the same kinds of line in other languages ("Leserkommentare", "Compartir",
 * "À lire aussi : ...") come from the phrase tables of {@link BoilerplatePhrases}, which also say which of them
 * need the article's language.
 */
public final class TextCleaner {

    static final int SHORT_LINE_WORDS = 30;

    /** Widgets and calls to action, matched against the whole line (lower-cased, trimmed of bullets/dashes). */
    private static final Pattern WIDGET = Pattern.compile("(rate (it|this( article| story| post| page)?)|(your )?rating|"
            + "advert(isement|ising)?|ads?|sponsored( content| links?| stories)?|promoted( content| stories)?|"
            + "(add|post|leave|write|view|show|hide|load|see|read) (a |all |more |the )?(comments?|reply|replies|responses?)|"
            + "comments?( \\(\\d+\\))?|\\d+ (comments?|replies|responses)|no comments( yet)?|"
            + "share( this| the)?( article| story| post| page)?( on [\\w ]+| via [\\w ]+)?|\\d+ shares?|"
            + "(tweet|pin|email|e-mail|print|save|bookmark)( this| it)?( article| story| page| post)?|"
            + "(read|see) (more|also|next|full (story|article))\\b.*|continue reading\\b.*|click here\\b.*|"
            + "skip to (main )?content|back to top|scroll to top|go to top|"
            + "(follow|like|join|find) us( on .*)?|"
            + ".*\\ball rights reserved\\b.*|(copyright|©)\\s*(©\\s*)?(\\d{4}|\\(c\\)).*|"
            + "tags?:.*|filed under\\b.*|topics?:.*|"
            + "related( articles| posts| stories| news| content| topics)?:?|"
            + "(report|found) (a |an )?(typo|error|mistake|spelling error)\\b.*)");

    /** Newsletter and notification prompts: a subscription word and a word addressing the reader. */
    private static final Pattern SUBSCRIBE = Pattern.compile("\\b(subscribe|subscription|newsletters?|sign[ -]?up|inbox|"
            + "unsubscribe|notifications?|push alerts?|real[ -]time updates)\\b");
    private static final Pattern ADDRESSING = Pattern.compile("\\b(our|your|you|now|here|free|latest|get|join|today|daily|weekly)\\b");

    /** Credit lines: "Originally appeared at ...", "Photo: ...", "Edited by ...". */
    private static final Pattern CREDIT = TitleCleaner.CREDIT;
    /** "By John Smith" bylines (case-sensitive: "By" then capitalised names). */
    private static final Pattern BYLINE = Pattern.compile("^By\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}"
            + "(\\s*(,|and|\\||/|-).*)?$");

    /** A CMS shortcode left in the text: "[button link=...]Send us your review[/button]", "[gallery ids=...]". */
    private static final Pattern SHORTCODE = Pattern.compile("^\\[[a-z][a-z0-9_-]*(\\s+[a-z_-]+\\s*=[^\\]]*)+\\].*|.*\\[/[a-z][a-z0-9_-]*\\]$");

    /** Counters: only digits and separators, e.g. "0 6,986", "12 | 345". */
    private static final Pattern COUNTER = Pattern.compile("^[\\d\\s.,:/|+()%–-]*\\d[\\d\\s.,:/|+()%–-]*$");

    /** Share-button rows: only network/button names. */
    private static final Set<String> SOCIAL = Set.of("facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
            "reddit", "pinterest", "email", "e-mail", "mail", "print", "vk", "viber", "share", "tweet", "messenger",
            "copy", "link", "ok", "odnoklassniki", "tumblr", "flipboard", "pocket", "sms", "google+", "+");

    /** Headings after which, near the end of a page, only related links or comments follow. */
    private static final Pattern TAIL_HEADING = Pattern.compile("(popular (posts|articles|stories)( from this (blog|site))?|"
            + "related (posts|articles|stories|news|content|coverage)|more (from|on) .{1,40}|more (stories|news|articles)|"
            + "(you|we think you) (may|might) (also )?like.*|recommended( for you| stories| articles| reading)?|"
            + "most (read|popular|viewed|shared|commented)( articles| stories| posts)?|trending( now| stories)?|"
            + "latest (news|posts|articles|stories)|(\\d+ )?comments?( \\(\\d+\\))?|"
            + "(add|post|leave|write) (a )?(comment|reply)|what do you think\\??|join the (discussion|conversation)|"
            + "read next|up next|also read|don'?t miss|further reading)");

    /** Tail headings that open the comment section: everything after them goes. */
    private static final Pattern COMMENT_HEADING = Pattern.compile("((\\d+ )?comments?( \\(\\d+\\))?|"
            + "(add|post|leave|write) (a )?(comment|reply)|what do you think\\??|join the (discussion|conversation))");
    /** A line of prose (a sentence of some length): after a link-list heading, the article goes on there. */
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][\"”’»)]*$");
    private static final int PROSE_WORDS = 15;

    /** Bullets, dashes, icons (emoji, symbols) and similar decoration around a line. */
    private static final Pattern DECORATION = Pattern.compile(
            "^[\\s\\-–—_•·*|>»«<:.!\\p{So}\\p{Sk}\\uFE0F\\u200D]+|[\\s\\-–—_•·*|>»«<:.!\\p{So}\\p{Sk}\\uFE0F\\u200D]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF\\u00AD]");

    private TextCleaner() {
    }

    /** Cleans a body; {@code title} (may be null) lets repeated headline lines go. */
    public static String clean(String body, String title) {
        return clean(body, title, null);
    }

    /**
     * @param language the article's language (ISO 639-1, "de-AT" will do), or null: then it is detected, only if
     *                 a rule that needs it comes to a line
     */
    public static String clean(String body, String title, String language) {
        if (body == null) {
            return "";
        }
        String text = INVISIBLE.matcher(body.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' '))
                .replaceAll("");
        String[] lines = text.split("\n", -1);
        String normTitle = title == null ? null : normalise(title);
        Character.UnicodeScript mainScript = dominantScript(text);
        int totalChars = text.length();
        Supplier<String> articleLanguage = languageOf(language, title, text);

        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        boolean hasContent = false;
        boolean inLinkList = false;
        for (String raw : lines) {
            int lineStart = position;
            position += raw.length() + 1;
            String line = WHITESPACE.matcher(raw).replaceAll(" ").strip();
            if (line.isEmpty()) {
                kept.add("");
                continue;
            }
            String norm = normalise(line);
            int words = TitleCleaner.words(line);
            BoilerplatePhrases.Tail tail = words <= 12 && hasContent && lineStart > totalChars / 2 ? tailHeading(norm) : null;
            if (tail != null) {
                if (tail == BoilerplatePhrases.Tail.COMMENTS) {
                    break; // the rest is the comment section
                }
                inLinkList = true; // "related posts", "don't miss": headlines follow, maybe the article again after them
                continue;
            }
            if (inLinkList) {
                if (words < PROSE_WORDS || !SENTENCE_END.matcher(line).matches()) {
                    continue;
                }
                inLinkList = false;
            }
            if (isBoilerplate(line, norm, words, normTitle, mainScript, articleLanguage)) {
                continue;
            }
            // quoted replies and repeated paragraphs: drop a line that repeats an earlier one or a recent line's text
            // (only prose repeats are dropped: list items, recipe and schedule lines repeat legitimately)
            boolean prose = words >= PROSE_WORDS && SENTENCE_END.matcher(line).matches();
            if ((prose && seen.contains(norm)) || (words >= 5 && containedInRecent(norm, kept))) {
                continue;
            }
            seen.add(norm);
            kept.add(line);
            hasContent = true;
        }
        return joinCollapsingBlankLines(kept);
    }

    /** A "related posts" or comments heading (English pattern or another language's phrase), or null. */
    private static BoilerplatePhrases.Tail tailHeading(String norm) {
        if (TAIL_HEADING.matcher(norm).matches()) {
            return COMMENT_HEADING.matcher(norm).matches() ? BoilerplatePhrases.Tail.COMMENTS : BoilerplatePhrases.Tail.LINKS;
        }
        return BoilerplatePhrases.tailHeading(norm);
    }

    static boolean isBoilerplate(String line, String norm, int words, String normTitle, Character.UnicodeScript mainScript,
                                 Supplier<String> articleLanguage) {
        if (norm.isEmpty()) {
            return true; // only decoration, e.g. "* * *" or "---"
        }
        if (words > SHORT_LINE_WORDS) {
            return false;
        }
        if (normTitle != null && (norm.equals(normTitle) || isTitleWithChrome(line, norm, normTitle))) {
            return true;
        }
        return WIDGET.matcher(norm).matches()
                || (SUBSCRIBE.matcher(norm).find() && ADDRESSING.matcher(norm).find())
                || CREDIT.matcher(norm).find()
                || (words <= 10 && BYLINE.matcher(line).matches())
                || COUNTER.matcher(norm).matches()
                || SHORTCODE.matcher(norm).matches()
                || isShareRow(norm)
                || isForeignScript(line, mainScript)
                || BoilerplatePhrases.isBoilerplateLine(norm)
                || BoilerplatePhrases.isSubscribePrompt(norm, articleLanguage);
    }

    /** The article's primary language code, given or detected once on first use. */
    private static Supplier<String> languageOf(String given, String title, String text) {
        if (given != null && !given.isBlank()) {
            String code = given.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            return () -> code;
        }
        String[] detected = new String[1];
        return () -> {
            if (detected[0] == null) {
                detected[0] = LanguageDetection.detect(title, text);
            }
            return detected[0];
        };
    }

    /** The headline again with a site suffix or behind a breadcrumb ("Home Reports Headline"). */
    private static boolean isTitleWithChrome(String line, String norm, String normTitle) {
        String stripped = TitleCleaner.clean(line);
        if (stripped != null && normalise(stripped).equals(normTitle)) {
            return true;
        }
        return norm.startsWith("home ") && norm.endsWith(normTitle);
    }

    private static boolean isShareRow(String norm) {
        String[] tokens = norm.split("[\\s|,/·•]+");
        for (String t : tokens) {
            if (!t.isEmpty() && !SOCIAL.contains(t) && !BoilerplatePhrases.isShareLabel(t)) {
                return false;
            }
        }
        return true;
    }

    /** A line mostly in another script than the article ("Report a typo" in Russian under an English text). */
    private static boolean isForeignScript(String line, Character.UnicodeScript mainScript) {
        if (mainScript == null) {
            return false;
        }
        int letters = 0;
        int foreign = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                if (s != mainScript && s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                    foreign++;
                }
            }
        }
        return letters > 0 && foreign * 2 > letters;
    }

    /** The script of at least 80% of the letters, or null for mixed-script texts (then no line is foreign). */
    static Character.UnicodeScript dominantScript(String text) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() * 5 >= letters * 4) {
                return e.getKey();
            }
        }
        return null;
    }

    private static boolean containedInRecent(String norm, List<String> kept) {
        int checked = 0;
        for (int i = kept.size() - 1; i >= 0 && checked < 3; i--) {
            String previous = kept.get(i);
            if (previous.isEmpty()) {
                continue;
            }
            checked++;
            String prev = normalise(previous);
            if (prev.length() > norm.length() && prev.contains(norm)) { // a quoted part (exact repeats: see clean)
                return true;
            }
        }
        return false;
    }

    /** Lower case, decoration trimmed, whitespace collapsed: the form patterns are matched against. */
    static String normalise(String line) {
        String s = WHITESPACE.matcher(line).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        return DECORATION.matcher(s).replaceAll("");
    }

    private static String joinCollapsingBlankLines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean pendingBlank = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                pendingBlank = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(pendingBlank ? "\n\n" : "\n");
            }
            sb.append(line);
            pendingBlank = false;
        }
        return sb.toString();
    }
}
