package io.newsflow.api.service;

import io.newsflow.events.EntityType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing and checking of query parameters; every failure names the parameter. */
public final class QueryParams {

    private static final int MAX_TEXT = 500;

    private QueryParams() {
    }

    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidParameterException(name, "must be at most " + MAX_TEXT + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidParameterException(name, "must not contain NUL characters");
        }
        return value.strip();
    }

    public static int limit(String value, int defaultLimit, int max) {
        String v = text("limit", value);
        if (v == null) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            throw new InvalidParameterException("limit", "must be a whole number between 1 and " + max);
        }
        return limit;
    }

    public static String entityType(String value) {
        String t = text("type", value);
        if (t == null) {
            return null;
        }
        try {
            return EntityType.valueOf(t.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("type", "must be one of PERSON, ORGANIZATION, LOCATION, MISC");
        }
    }

    public static Cursor cursor(String value) {
        String c = text("cursor", value);
        if (c == null) {
            return null;
        }
        try {
            return Cursor.decode(c);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", "is not a cursor returned by this API");
        }
    }

    /** The first instant of a date or date-time parameter. */
    public static Instant instantFrom(String name, String value) {
        return instant(name, value, false);
    }

    /** The first instant after a date (the whole day counts) or date-time parameter. */
    public static Instant instantAfter(String name, String value) {
        return instant(name, value, true);
    }

    private static Instant instant(String name, String value, boolean after) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (after ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant i;
            try {
                i = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException noOffset) {
                i = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
            return after ? i.plusNanos(1000) : i;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 date or date-time, e.g. 2019-05-30");
        }
    }

    /** A mentioned-date bound: a day, a month (2019-05) or a year; "from" takes its first day, "to" its last. */
    public static LocalDate day(String name, String value, boolean last) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        return TimexSpans.of(v)
                .filter(s -> v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"))
                .map(s -> last ? s.to() : s.from())
                .orElseThrow(() -> new InvalidParameterException(name, "must be a date such as 2019-05-30, 2019-05 or 2019"));
    }
}
