package io.newsflow.api.resource;

import io.newsflow.api.service.TimexSpans;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.PublishedDates;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Parsing and checking of query parameters; every failure names the parameter. */
public final class QueryParams {

    private static final int MAX_TEXT = 500;
    /** The {@code entity} filter's form for a linked page: {@code wikipedia:United_States}. */
    public static final String WIKIPEDIA_PREFIX = Entity.Link.WIKIPEDIA + ":";
    /** Wikipedia's own limit on a page title. */
    private static final int MAX_WIKIPEDIA_TITLE_BYTES = 255;
    /** The codes an article's language can have: ISO 639-1, or "und" when it could not be determined. */
    private static final Set<String> LANGUAGE_CODES = languageCodes();

    private QueryParams() {
    }

    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        checkCharacters(name, value);
        return value.strip();
    }

    /** A path segment such as an entity key: the same rules as a text parameter, never blank. */
    public static String pathSegment(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            throw new InvalidParameterException(name, "must not be blank");
        }
        return v;
    }

    /**
     * PostgreSQL takes no NUL in text (it fails the whole query); control characters, non-characters and unpaired
     * surrogates mean nothing in a search either, and are refused the same way ingest refuses them.
     */
    private static void checkCharacters(String name, String value) {
        if (value.length() > MAX_TEXT) {
            throw new InvalidParameterException(name, "must be at most " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == 0) {
                throw new InvalidParameterException(name, "must not contain NUL characters");
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidParameterException(name, "must not contain control characters");
            }
            if (Character.isSurrogate((char) c)) { // codePointAt returns a lone surrogate as itself
                throw new InvalidParameterException(name, "must not contain unpaired surrogates");
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
                throw new InvalidParameterException(name, "must not contain Unicode non-characters");
            }
            i += Character.charCount(c);
        }
    }

    /**
     * The {@code entity} filter: a key or a name as given, or a Wikipedia page as {@code wikipedia:<Title>} (spaces or
     * underscores, any case of the first letter, as Wikipedia reads titles), returned as {@code wikipedia:} and the
     * page's id ({@code wikipedia:United_States}); null when absent.
     */
    public static String entity(String value) {
        String v = text("entity", value);
        if (v == null || !v.regionMatches(true, 0, WIKIPEDIA_PREFIX, 0, WIKIPEDIA_PREFIX.length())) {
            return v;
        }
        String title = v.substring(WIKIPEDIA_PREFIX.length()).strip().replaceAll("[\\s_]+", "_").replaceAll("^_|_$", "");
        if (title.isEmpty()) {
            throw new InvalidParameterException("entity", "must name a page after wikipedia:, e.g. wikipedia:United_States");
        }
        if (title.chars().anyMatch(c -> "#<>[]|{}".indexOf(c) >= 0)) {
            throw new InvalidParameterException("entity", "a Wikipedia page title cannot contain # < > [ ] | { }");
        }
        if (title.getBytes(StandardCharsets.UTF_8).length > MAX_WIKIPEDIA_TITLE_BYTES) {
            throw new InvalidParameterException("entity", "a Wikipedia page title is at most " + MAX_WIKIPEDIA_TITLE_BYTES + " bytes");
        }
        int first = title.codePointAt(0);
        return WIKIPEDIA_PREFIX + new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(title, Character.charCount(first), title.length());
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

    /**
     * The {@code language} filter: one ISO 639-1 code or several comma separated ("de,fr"), any case, or "und" for
     * undetermined; null when absent.
     */
    public static List<String> languages(String value) {
        String v = text("language", value);
        if (v == null) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : v.split(",", -1)) {
            String code = part.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE_CODES.contains(code)) {
                throw new InvalidParameterException("language",
                        "must be ISO 639-1 language codes (two letters, e.g. de or de,fr) or und");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    private static Set<String> languageCodes() {
        Set<String> codes = new LinkedHashSet<>(Arrays.asList(Locale.getISOLanguages())); // two-letter codes
        codes.add("und");
        return Set.copyOf(codes);
    }

    /**
     * A cursor of the article search: the sort instant (microseconds since the epoch) of the last article, inside
     * the range every stored sort time lies in (PublishedDates'), and its id, a UUID.
     */
    public static Cursor articleCursor(String value) {
        Cursor c = cursor(value);
        if (c == null) {
            return null;
        }
        try {
            UUID.fromString(c.id());
            if (PublishedDates.isStorable(Instant.EPOCH.plus(c.sortValue(), ChronoUnit.MICROS))) {
                return c;
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // not a cursor this API made: answered below
        }
        throw notACursor();
    }

    /** A cursor of the entity list: the mention count of the last entity (never negative) and its key. */
    public static Cursor entityCursor(String value) {
        Cursor c = cursor(value);
        if (c == null) {
            return null;
        }
        if (c.sortValue() < 0) {
            throw notACursor();
        }
        try {
            checkCharacters("cursor", c.id());
        } catch (InvalidParameterException e) {
            throw notACursor();
        }
        return c;
    }

    /** A cursor of a revision list: the revision number of the last item, a positive whole number. */
    public static Cursor revisionCursor(String value) {
        Cursor c = cursor(value);
        if (c != null && (c.sortValue() < 1 || c.sortValue() > Integer.MAX_VALUE)) {
            throw notACursor();
        }
        return c;
    }

    private static Cursor cursor(String value) {
        String c = text("cursor", value);
        if (c == null) {
            return null;
        }
        try {
            return Cursor.decode(c);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static InvalidParameterException notACursor() {
        return new InvalidParameterException("cursor", "is not a cursor returned by this API");
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
        // the pipeline's one date rule: a date is the start of its day in UTC, a date-time without offset is UTC
        String normalised = PublishedDates.normalise(v).orElseThrow(
                () -> new InvalidParameterException(name, "must be an ISO-8601 date or date-time, e.g. 2019-05-30"));
        Instant i = PublishedDates.toInstant(normalised).orElseThrow(
                () -> new InvalidParameterException(name, "must be an ISO-8601 date or date-time, e.g. 2019-05-30"));
        checkRange(name, i);
        if (!after) {
            return i;
        }
        boolean wholeDay = normalised.length() == 10;
        return wholeDay ? i.plus(1, ChronoUnit.DAYS) : i.plusNanos(1000);
    }

    /** The one rule for publication dates (PublishedDates): what lies outside its range is never stored. */
    private static void checkRange(String name, Instant i) {
        if (!PublishedDates.isStorable(i)) {
            throw new InvalidParameterException(name, "must be " + PublishedDates.RANGE);
        }
    }

    /** A mentioned-date bound: a day, a month (2019-05) or a year (0001..9999); "from" takes its first day, "to" its last. */
    public static LocalDate day(String name, String value, boolean last) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        LocalDate day = TimexSpans.of(v)
                .filter(s -> v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"))
                .map(s -> last ? s.to() : s.from())
                .orElseThrow(() -> new InvalidParameterException(name, "must be a date such as 2019-05-30, 2019-05 or 2019"));
        // Articles speak of any year ("1492"), so not PublishedDates' range: only PostgreSQL's lack of a year 0
        if (day.getYear() < 1) {
            throw new InvalidParameterException(name, "must be a date from the year 0001 to 9999");
        }
        return day;
    }
}
