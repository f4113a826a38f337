package io.newsflow.enrichment.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
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
    private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|May|June|July|August|September|"
            + "October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\b\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FUTURE = Pattern.compile("(?i)(\\b(will|shall|next|coming|upcoming|tomorrow|scheduled|"
            + "planned|plans? to|going to|expected to|due to|set to|should|could|might|until|till|aims? to|intends? to|"
            + "hopes? to|deadline)\\b|['’]ll\\b)");
    /** A weekday alone, possibly "late"/"early"/"on": "Friday", "late Sunday" (not "next Monday"). */
    private static final Pattern BARE_WEEKDAY = Pattern.compile("(?i)(?:(?:late|early|on)\\s+)?"
            + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\\s+(?:morning|afternoon|evening|night))?");
    /**
     * A past-tense verb right before a weekday or month: "said Friday", "announced on Tuesday", "met in May"; not
     * a passive participle ("will be held in May").
     */
    private static final Pattern PAST_VERB_BEFORE = Pattern.compile("(?i)(?<!\\b(?:be|been|being|to)\\s)\\b(?!(?:need|feed|seed|speed|proceed|exceed|succeed|"
            + "bleed|breed|indeed|embed)\\b)(\\w{2,}ed|said|told|met|was|were|had|saw|rose|fell|began|took|made|gave|came|"
            + "went|won|lost|left|held|sent|spoke|wrote|became|grew|found|paid|sold|bought|hit|cut|quit|shut|ran|flew|fled|"
            + "broke|chose|drove|fought|caught|thought|brought|sought|led|struck|stood|kept|met|did|got)"
            + "\\s+(?:\\w+ly\\s+)?(?:(?:on|in|at|during|since)\\s+)?$");
    /** "until Friday", "by Monday": the coming one. */
    private static final Pattern FUTURE_BEFORE = Pattern.compile("(?i)\\b(until|till|by|before|from)\\s+(?:late\\s+|early\\s+)?$");
    private static final Pattern PREVIOUS_PERIOD = Pattern.compile("(?i)(?:the\\s+)?(?:previous|preceding|prior|last)\\s+"
            + "(year|quarter|month|week)");
    private static final Pattern LAST_OR_NEXT_MONTH = Pattern.compile("(?i)(last|next)\\s+(January|February|March|April|May|"
            + "June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?");
    private static final Pattern SEASON = Pattern.compile("\\b(SP|SU|FA|WI)\\b");
    private static final Pattern SUTIME_DECADE = Pattern.compile("^(\\d{3})X$|^(\\d{2})XX$");
    private static final Pattern DECADE_OR_CENTURY = Pattern.compile("^\\d{2,3}$");
    private static final Pattern UTC_OFFSET = Pattern.compile("(?<=T\\d{2}(:\\d{2}){0,2})[+-]00:?00$");
    private static final Pattern MILITARY_TIME = Pattern.compile("^([01]\\d|2[0-3])([0-5]\\d)(\\s*\\b(UTC|GMT|Z))?$");

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
     * @param before     the text just before it in its sentence (for "said Friday", "until Friday")
     * @param sentence   the sentence it occurs in (for future tense)
     * @param anchor     the publication date the value was resolved against, or null (then nothing changes)
     */
    public static String adjust(String value, String expression, String before, String sentence, LocalDate anchor) {
        if (anchor == null || value == null || EXPLICIT_YEAR.matcher(expression).find()) {
            return value;
        }
        String previous = previousPeriod(expression, anchor);
        if (previous != null) {
            return previous;
        }
        String near = before == null ? "" : before;
        boolean pastVerbBefore = PAST_VERB_BEFORE.matcher(near).find();
        boolean future = !pastVerbBefore && sentence != null && FUTURE.matcher(sentence).find();
        String lastOrNextMonth = lastOrNextMonth(expression, anchor);
        if (lastOrNextMonth != null) {
            return lastOrNextMonth;
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
            Matcher weekday = BARE_WEEKDAY.matcher(expression);
            if (m.group(3) != null && weekday.matches()) {
                // SUTime takes the weekday in the anchor's (Sunday-first) week; news means the nearest one in the
                // direction of the tense: "said Friday" is past even in a sentence that goes on with "will"; only a
                // future word in the same clause before it ("will meet on", "until") makes it the coming one
                boolean forward = !pastVerbBefore && (FUTURE.matcher(near).find() || FUTURE_BEFORE.matcher(near).find());
                DayOfWeek day = DayOfWeek.valueOf(weekday.group(1).toUpperCase(Locale.ROOT));
                LocalDate date = anchor.with(forward ? TemporalAdjusters.nextOrSame(day) : TemporalAdjusters.previousOrSame(day));
                return date + tail;
            }
            if (future) {
                return value;
            }
            if (m.group(3) != null) {
                LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
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

    /** "the previous year", "the last quarter": the period before the anchor's (SUTime takes the anchor's own). */
    static String previousPeriod(String expression, LocalDate anchor) {
        Matcher m = PREVIOUS_PERIOD.matcher(expression.strip());
        if (!m.matches()) {
            return null;
        }
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "year" -> String.valueOf(anchor.getYear() - 1);
            case "month" -> YearMonth.from(anchor).minusMonths(1).toString();
            case "quarter" -> {
                LocalDate d = anchor.minusMonths(3);
                yield d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            }
            default -> {
                LocalDate d = anchor.minusWeeks(1);
                yield String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        };
    }

    /** "last September": the latest September before the anchor's month; "next March": the first after it. */
    static String lastOrNextMonth(String expression, LocalDate anchor) {
        Matcher m = LAST_OR_NEXT_MONTH.matcher(expression.strip());
        if (!m.matches()) {
            return null;
        }
        Month month = monthOf(m.group(2));
        if (month == null) {
            return null;
        }
        YearMonth current = YearMonth.from(anchor);
        YearMonth candidate = YearMonth.of(anchor.getYear(), month);
        if (m.group(1).equalsIgnoreCase("last")) {
            return (candidate.isBefore(current) ? candidate : candidate.minusYears(1)).toString();
        }
        return (candidate.isAfter(current) ? candidate : candidate.plusYears(1)).toString();
    }

    private static Month monthOf(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        return null;
    }

    public static boolean isResolved(String type, String value) {
        if (value == null || value.endsWith("_REF")) {
            return false;
        }
        if (DECADE_OR_CENTURY.matcher(value).matches()) {
            return true; // a known decade or century: 197, 18
        }
        if (value.contains("X")) {
            return false;
        }
        return "DURATION".equals(type) || "SET".equals(type) || value.matches("^\\d{4}.*");
    }

    /**
     * SUTime's values in TimeML form: decades and centuries as their leading digits ("197X" -> "197", "18XX" ->
     * "18"), and UTC as "Z" ("T16:08+0000" -> "T16:08Z").
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        Matcher decade = SUTIME_DECADE.matcher(value);
        if (decade.matches()) {
            return decade.group(1) != null ? decade.group(1) : decade.group(2);
        }
        return UTC_OFFSET.matcher(value).replaceFirst("Z");
    }

    /** Whether a value/expression pair is a time of day that a following "UTC" belongs to. */
    static boolean isClockTime(String value, String expression) {
        return value != null && (value.contains("T") && !value.endsWith("Z") || MILITARY_TIME.matcher(expression).matches());
    }

    /**
     * A clock time followed by UTC/GMT, as a TIME in UTC: "16:00" -> "2009-06-01T16:00Z"; a four-digit "0800" that
     * SUTime read as a year becomes 08:00 on the anchor day.
     */
    static String inUtc(String value, String expression, LocalDate anchor) {
        Matcher military = MILITARY_TIME.matcher(expression.replaceFirst("\\s*\\b(UTC|GMT|Z)$", ""));
        if (military.matches()) {
            String day = anchor == null ? "XXXX-XX-XX" : anchor.toString();
            return day + "T" + military.group(1) + ":" + military.group(2) + "Z";
        }
        return value.replaceFirst("([+-]\\d{2}:?\\d{2})?$", "Z");
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
