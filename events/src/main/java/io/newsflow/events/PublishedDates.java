package io.newsflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for publication dates in every part of the pipeline: ISO-8601 forms are parsed and normalised
 * here, and only dates inside {@link #EARLIEST}..{@link #LATEST} are storable. The range keeps four-digit
 * years in the Gregorian calendar (java.sql, JSON clients and PostgreSQL agree there), from before the first
 * printed newspapers to the end of year 9999; "0001-01-01T00:00:00+01:00" (a year-0 instant in UTC) is outside.
 */
public final class PublishedDates {

    /** The earliest storable publication instant. */
    public static final Instant EARLIEST = Instant.parse("1600-01-01T00:00:00Z");
    /** The latest storable publication instant. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Said to clients when a date is outside the range. */
    public static final String RANGE = "between 1600-01-01 and 9999-12-31";

    private PublishedDates() {
    }

    /** The normalised value, or empty when {@code value} is not an ISO-8601 date or date-time. */
    public static Optional<String> normalise(String value) {
        return firstForm(value, List.of(
                v -> LocalDate.parse(v).toString(),
                v -> OffsetDateTime.parse(v).toInstant().toString(),
                v -> LocalDateTime.parse(v).toString()));
    }

    /** Like {@link #normalise} but also takes web variants: a space for 'T', "+0200" offsets, a trailing date part. */
    public static Optional<String> normaliseLenient(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2")
                .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        Optional<String> strict = normalise(v);
        if (strict.isPresent() || v.length() < 10) {
            return strict;
        }
        return normalise(v.substring(0, 10));
    }

    /** A normalised value (see {@link #normalise}) as an instant: dates at midnight UTC, local date-times as UTC. */
    public static Optional<Instant> toInstant(String normalised) {
        if (normalised == null || normalised.isBlank()) {
            return Optional.empty();
        }
        try {
            if (normalised.length() == 10) {
                return Optional.of(LocalDate.parse(normalised).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (normalised.endsWith("Z")) {
                return Optional.of(Instant.parse(normalised));
            }
            return Optional.of(OffsetDateTime.parse(normalised).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(normalised).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The calendar day of an ISO-8601 date or date-time in its own offset (the local publication day, the anchor of
     * relative dates such as "yesterday"); a date-time without offset gives its own date. Empty when {@code value} is
     * not one of the forms {@link #normalise} reads.
     */
    public static Optional<LocalDate> localDate(String value) {
        return firstForm(value, List.of(
                v -> OffsetDateTime.parse(v).toLocalDate(),
                v -> LocalDateTime.parse(v).toLocalDate(),
                LocalDate::parse));
    }

    /**
     * A date read from a page, when it is storable ({@link #storableLenient}), in the form that keeps its publication
     * day: a date-time with its offset as the page wrote it (its local day is the publication day), any other form
     * as its calendar day. "0001-01-01T00:00:00+01:00" and "yesterday" give empty.
     */
    public static Optional<String> keepingLocalDay(String value) {
        if (storableLenient(value).isEmpty()) {
            return Optional.empty();
        }
        String written = value.strip();
        boolean withOffset = normalise(written).filter(n -> n.endsWith("Z")).isPresent();
        return Optional.of(withOffset ? written : written.substring(0, 10));
    }

    /** The first of the ISO-8601 forms that reads the stripped value; empty for a blank value or when none does. */
    private static <T> Optional<T> firstForm(String value, List<Function<String, T>> forms) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (Function<String, T> form : forms) {
            try {
                return Optional.of(form.apply(v));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** True when the instant lies in the storable range. */
    public static boolean isStorable(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** True when the value parses (strictly) to a storable instant. */
    public static boolean isStorable(String value) {
        return normalise(value).flatMap(PublishedDates::toInstant).map(PublishedDates::isStorable).orElse(false);
    }

    /** The normalised value when it parses and is storable; empty otherwise (for dates read from pages). */
    public static Optional<String> storableLenient(String value) {
        return normaliseLenient(value).filter(PublishedDates::isStorable);
    }
}
