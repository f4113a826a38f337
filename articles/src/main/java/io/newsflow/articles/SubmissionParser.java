package io.newsflow.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.Problem.FieldError;
import io.newsflow.events.PublishedDates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an article as submitted (a JSON object, plain text or a web page; see {@link ArticleFileType}) into a
 * validated {@link ArticleSubmission}: the one reader of articles, for ingest's request bodies and the command line's
 * files alike, so that one article gets one id wherever it enters.
 */
public class SubmissionParser {

    /** Longest accepted value per metadata field; the body fields are bounded by the request size limit. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "title", 1_000, "url", 4_096, "source", 200, "externalId", 512, "language", 35, "publishedAt", 64);
    private static final List<String> STRING_FIELDS = List.of(
            "title", "text", "html", "url", "source", "publishedAt", "language", "externalId");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private final ObjectMapper mapper;

    public SubmissionParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Decodes a body strictly: invalid UTF-8 is a client error, never silently replaced. */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSubmissionException("The body is not valid UTF-8.");
        }
    }

    public ArticleSubmission fromJson(String json) {
        JsonNode node;
        try (JsonParser parser = mapper.createParser(json)) {
            node = mapper.readTree(parser);
            if (hasMore(parser)) {
                throw new InvalidSubmissionException("The body holds more than one JSON value: one article per request; "
                        + "use /articles/batch with application/x-ndjson for many.");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidSubmissionException("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to be read
        }
        return fromJson(node);
    }

    /** An article already read as JSON (an NDJSON line, an element of a JSON array). */
    public ArticleSubmission fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidSubmissionException("The body must be a JSON object.");
        }
        ObjectNode obj = (ObjectNode) node;
        List<FieldError> errors = new ArrayList<>();
        for (String field : STRING_FIELDS) {
            JsonNode v = obj.get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(new FieldError(field, "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException("The article has fields of the wrong type.", errors);
        }
        String html = str(obj, "html");
        String url = str(obj, "url");
        String publishedAt = str(obj, "publishedAt");
        String title = str(obj, "title");
        String language = str(obj, "language");
        boolean fromPage = false;
        if (html != null && str(obj, "text") == null) {
            PageMetadata page = PageMetadata.read(html, url);
            title = title != null ? title : page.title();
            language = language != null ? language : page.language();
            if (publishedAt == null && page.publishedAt() != null) {
                publishedAt = pageDate(page);
                fromPage = true;
            }
        }
        return validate(new ArticleSubmission(title, str(obj, "text"), html, url, str(obj, "source"),
                publishedAt, fromPage, language, str(obj, "externalId")));
    }

    /** True when anything but whitespace follows the value the parser has just read (anything unparseable included). */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    /** text/plain: the first non-blank line is the title, the rest is the body. */
    public ArticleSubmission fromPlainText(String body, Metadata meta) {
        String normalised = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        int newline = normalised.indexOf('\n');
        String title = newline < 0 ? normalised : normalised.substring(0, newline).strip();
        String text = newline < 0 ? "" : normalised.substring(newline + 1).strip();
        if (text.isEmpty()) {
            // a one-line article is all body, not a title with nothing under it
            text = title;
            title = null;
        }
        return validate(new ArticleSubmission(blankToNull(title), text, null, meta.url(), meta.source(),
                meta.publishedAt(), false, meta.language(), meta.externalId()));
    }

    /** text/html: title, date, canonical URL and language come from the page unless given. */
    public ArticleSubmission fromHtml(String html, Metadata meta) {
        PageMetadata page = PageMetadata.read(html, meta.url());
        boolean fromPage = meta.publishedAt() == null && page.publishedAt() != null;
        return validate(new ArticleSubmission(page.title(), null, html,
                meta.url() != null ? meta.url() : page.canonicalUrl(), meta.source(),
                fromPage ? pageDate(page) : meta.publishedAt(), fromPage,
                meta.language() != null ? meta.language() : page.language(), meta.externalId()));
    }

    /** The page's date normalised like a given one (the reader took only dates that normalise and can be stored). */
    private static String pageDate(PageMetadata page) {
        return PublishedDates.storableLenient(page.publishedAt()).orElseThrow();
    }

    /** Metadata given as query parameters with text/plain and text/html bodies. */
    public record Metadata(String url, String source, String publishedAt, String language, String externalId) {
        public Metadata {
            url = blankToNull(url);
            source = blankToNull(source);
            publishedAt = blankToNull(publishedAt);
            language = blankToNull(language);
            externalId = blankToNull(externalId);
        }
    }

    private ArticleSubmission validate(ArticleSubmission submitted) {
        List<FieldError> errors = new ArrayList<>();
        checkCharacters(errors, submitted);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException("The article holds characters that cannot be stored.", errors);
        }
        ArticleSubmission s = withoutControls(submitted);
        boolean hasText = s.text() != null && !s.text().isBlank();
        boolean hasHtml = s.html() != null && !s.html().isBlank();
        if (hasText == hasHtml) {
            errors.add(new FieldError(hasText ? "html" : "text",
                    hasText ? "give either \"text\" or \"html\", not both" : "\"text\" or \"html\" is required and must not be blank"));
        }
        checkLength(errors, "title", s.title());
        checkLength(errors, "url", s.url());
        checkLength(errors, "source", s.source());
        checkLength(errors, "externalId", s.externalId());
        checkLength(errors, "language", s.language());
        checkLength(errors, "publishedAt", s.publishedAt());
        if (s.url() != null && !isHttpUrl(s.url())) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
        }
        if (s.language() != null && !LANGUAGE_TAG.matcher(s.language()).matches()) {
            errors.add(new FieldError("language", "must be a language tag such as 'en' or 'pt-BR'"));
        }
        String publishedAt = s.publishedAt();
        if (publishedAt != null && !s.publishedAtFromPage()) {
            publishedAt = PublishedDates.normalise(publishedAt).orElse(null);
            if (publishedAt == null) {
                errors.add(new FieldError("publishedAt", "must be an ISO-8601 date or date-time, e.g. 2019-05-30 or 2019-05-30T10:00:00Z"));
            } else if (!PublishedDates.toInstant(publishedAt).map(PublishedDates::isStorable).orElse(false)) {
                errors.add(new FieldError("publishedAt", "must be " + PublishedDates.RANGE));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException("The article is not valid.", errors);
        }
        return new ArticleSubmission(s.title(), hasText ? s.text() : null, hasHtml ? s.html() : null, s.url(),
                s.source(), publishedAt, s.publishedAtFromPage(), s.language(), s.externalId());
    }

    private static void checkCharacters(List<FieldError> errors, ArticleSubmission s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", s.title());
        fields.put("text", s.text());
        fields.put("html", s.html());
        fields.put("url", s.url());
        fields.put("source", s.source());
        fields.put("publishedAt", s.publishedAt());
        fields.put("language", s.language());
        fields.put("externalId", s.externalId());
        fields.forEach((field, value) -> {
            String problem = Characters.problem(value);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            }
        });
    }

    /** Title and text without the C0 controls that are only noise (TAB, LF and CR stay). */
    private static ArticleSubmission withoutControls(ArticleSubmission s) {
        return new ArticleSubmission(blankToNull(Characters.withoutControls(s.title())), Characters.withoutControls(s.text()),
                s.html(), s.url(), s.source(), s.publishedAt(), s.publishedAtFromPage(), s.language(), s.externalId());
    }

    private static void checkLength(List<FieldError> errors, String field, String value) {
        int max = MAX_LENGTH.get(field);
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String str(ObjectNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
