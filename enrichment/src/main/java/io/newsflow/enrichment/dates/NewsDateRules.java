package io.newsflow.enrichment.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrections to SUTime for news, and the {@code resolved} rule.
 *
 * <p>SUTime resolves a weekday to the anchor's week and a month without a year to the nearest such month, so
 * "Sunday" in a Friday article comes out two days after publication and "September 22" in an April article
 * five months after. News mostly reports the past, so unless the sentence speaks of the future:
 * <ul>
 *   <li>a bare weekday ("Tuesday", "late Sunday") later than the anchor moves back a week at a time;</li>
 *   <li>a month (with or without day) without a year that falls more than {@value #FUTURE_TOLERANCE_DAYS} days
 *       after the anchor is taken in the year before.</li>
 * </ul>
 *
 * <p>A value is {@code resolved} when it has no unknown ('X') calendar part (a decade "197X" or century "18XX"
 * is known) and is a date, a time with a date, a duration or a set. Unanchored relative expressions keep
 * X's ("XXXX-11", "XXXX-WXX-2") and are therefore not resolved.
 */
public final class NewsDateRules {

    static final int FUTURE_TOLERANCE_DAYS = 62;

    private static final Pattern DATE_VALUE = Pattern.compile("^(\\d{4})-(\\d{2})(?:-(\\d{2}))?(T.*)?$");
    private static final Pattern EXPLICIT_YEAR = Pattern.compile("\\b\\d{4}\\b|['’]\\d{2}\\b");
    private static final Pattern WEEKDAY = Pattern.compile("(?i)\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|May|June|July|August|September|"
            + "October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\b\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FUTURE = Pattern.compile("(?i)(\\b(will|shall|next|coming|upcoming|tomorrow|scheduled|"
            + "planned|plans? to|going to|expected to|due to|set to)\\b|['’]ll\\b)");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern SEASON = Pattern.compile("\\b(SP|SU|FA|WI)\\b");

    private NewsDateRules() {
    }

    /**
     * The TIMEX3 value of a relative date SUTime could not resolve for want of an anchor ("last week" in an
     * article of unknown date): the calendar fields it would fill stay unknown, at the granularity its
     * relative offset names (a week, a month, a year), so it is kept and reported unresolved, not dropped.
     *
     * @param altVal SUTime's relative form, e.g. {@code PREV_IMMEDIATE P1W} or {@code THIS P1Y}; may be null
     * @return the underspecified value, or null for non-dates (durations and sets always carry a value)
     */
    public static String unanchored(String timexType, String altVal) {
        if (!"DATE".equals(timexType)) {
            return null;
        }
        String relative = altVal == null ? "" : altVal;
        Matcher season = SEASON.matcher(relative);
        if (season.find()) {
            return "XXXX-" + season.group(1);
        }
        if (relative.contains("P1W") || relative.contains("P7D")) {
            return "XXXX-WXX";
        }
        if (relative.contains("P1M")) {
            return "XXXX-XX";
        }
        if (relative.contains("P1Y")) {
            return "XXXX";
        }
        return "XXXX-XX-XX";
    }

    /**
     * Applies the past-leaning corrections to a SUTime value.
     *
     * @param expression the time expression as written
     * @param sentence   the sentence it occurs in (for future tense)
     * @param anchor     the publication date the value was resolved against, or null (then nothing changes)
     */
    public static String adjust(String value, String expression, String sentence, LocalDate anchor) {
        if (anchor == null || value == null || EXPLICIT_YEAR.matcher(expression).find()
                || (sentence != null && FUTURE.matcher(sentence).find())) {
            return value;
        }
        Matcher m = DATE_VALUE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        String tail = m.group(4) == null ? "" : m.group(4);
        boolean namesMonth = MONTH.matcher(expression).find();
        try {
            if (m.group(3) != null) {
                LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
                if (WEEKDAY.matcher(expression).find() && !namesMonth && !DIGIT.matcher(expression).find()) {
                    while (date.isAfter(anchor)) {
                        date = date.minusWeeks(1);
                    }
                    return date + tail;
                }
                if (namesMonth && date.isAfter(anchor.plusDays(FUTURE_TOLERANCE_DAYS))) {
                    return date.minusYears(1) + tail;
                }
            } else if (namesMonth && LocalDate.of(year, month, 1).isAfter(anchor.plusDays(FUTURE_TOLERANCE_DAYS))) {
                return String.format("%04d-%02d%s", year - 1, month, tail);
            }
        } catch (DateTimeException e) {
            return value; // e.g. 2019-02-30 from a typo: leave SUTime's value alone
        }
        return value;
    }

    public static boolean isResolved(String type, String value) {
        if (value == null || value.endsWith("_REF")) {
            return false;
        }
        // a known decade or century is resolved: 197X, 18XX
        String v = value.replaceFirst("^(\\d{3})X", "$10").replaceFirst("^(\\d{2})XX", "$100");
        if (v.contains("X")) {
            return false;
        }
        return "DURATION".equals(type) || "SET".equals(type) || v.matches("^\\d{4}.*");
    }

    /** A full date written with its year ("May 29, 2019", "22 September 2016"): usable to infer publication. */
    public static LocalDate explicitFullDate(String expression, String value) {
        if (value == null || !EXPLICIT_YEAR.matcher(expression).find()) {
            return null;
        }
        Matcher m = DATE_VALUE.matcher(value);
        if (!m.matches() || m.group(3) == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
