package io.newsflow.api.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span of calendar days a TIMEX3 value covers, so that "articles mentioning dates in May 2019"
 * finds "May 29, 2019", "2019-05" and "2019-W22" alike. Durations, sets and values with unknown
 * parts (XXXX-09-22) cover no fixed span.
 */
public final class TimexSpans {

    /** An inclusive span of days. */
    public record Span(LocalDate from, LocalDate to) {
    }

    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(T.*)?$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})(-WE)?$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern HALF = Pattern.compile("^(\\d{4})-H([12])$");
    private static final Pattern SEASON = Pattern.compile("^(\\d{4})-(SP|SU|FA|WI)$");
    private static final Pattern DECADE = Pattern.compile("^(\\d{3})$");
    private static final Pattern CENTURY = Pattern.compile("^(\\d{2})$");

    private TimexSpans() {
    }

    public static Optional<Span> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(value.strip()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // e.g. 2019-02-30: a value that names no real day has no span
        }
    }

    private static Span parse(String v) {
        Matcher m;
        if ((m = DAY.matcher(v)).matches()) {
            LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            return new Span(d, d);
        }
        if ((m = MONTH.matcher(v)).matches()) {
            YearMonth ym = YearMonth.of(num(m, 1), num(m, 2));
            return new Span(ym.atDay(1), ym.atEndOfMonth());
        }
        if ((m = YEAR.matcher(v)).matches()) {
            return years(num(m, 1), 1);
        }
        if ((m = WEEK.matcher(v)).matches()) {
            LocalDate monday = LocalDate.of(num(m, 1), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, num(m, 2))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return m.group(3) != null ? new Span(monday.plusDays(5), monday.plusDays(6)) : new Span(monday, monday.plusDays(6));
        }
        if ((m = QUARTER.matcher(v)).matches()) {
            return months(num(m, 1), (num(m, 2) - 1) * 3 + 1, 3);
        }
        if ((m = HALF.matcher(v)).matches()) {
            return months(num(m, 1), num(m, 2) == 1 ? 1 : 7, 6);
        }
        if ((m = SEASON.matcher(v)).matches()) {
            int year = num(m, 1);
            return switch (m.group(2)) {
                case "SP" -> months(year, 3, 3);
                case "SU" -> months(year, 6, 3);
                case "FA" -> months(year, 9, 3);
                default -> months(year, 12, 3); // winter runs into the next year
            };
        }
        if ((m = DECADE.matcher(v)).matches()) {
            return years(num(m, 1) * 10, 10);
        }
        if ((m = CENTURY.matcher(v)).matches()) {
            return years(num(m, 1) * 100, 100);
        }
        return null;
    }

    private static Span years(int first, int count) {
        return new Span(LocalDate.of(first, 1, 1), LocalDate.of(first + count - 1, 12, 31));
    }

    private static Span months(int year, int firstMonth, int count) {
        YearMonth first = YearMonth.of(year, firstMonth);
        return new Span(first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
