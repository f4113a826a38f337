package io.newsflow.ingest.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses and normalises ISO-8601 publication dates: a date, a local date-time or a date-time with offset. */
public final class PublishedDates {

    private PublishedDates() {
    }

    /** The normalised value, or empty when {@code value} is not an ISO-8601 date or date-time. */
    public static Optional<String> normalise(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(LocalDate.parse(v).toString());
        } catch (DateTimeParseException notADate) {
            // try the date-time forms below
        }
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant().toString());
        } catch (DateTimeParseException notOffset) {
            // try without offset
        }
        try {
            return Optional.of(LocalDateTime.parse(v).toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

}
