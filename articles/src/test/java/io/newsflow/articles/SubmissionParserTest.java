package io.newsflow.articles;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Problem.FieldError;
import io.newsflow.articles.SubmissionParser.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionParserTest {

    private final SubmissionParser parser = new SubmissionParser(new ObjectMapper());
    private final Metadata noMeta = new Metadata(null, null, null, null, null);

    @Test
    void jsonArticleIsParsedAndItsDateNormalised() {
        var s = parser.fromJson("""
                {"title":"Moscow will support Haftar","text":"Body.","source":"inforos",
                 "url":"https://inforos.ru/en/?module=news&id=1","publishedAt":"2019-05-30T12:00:00+02:00","externalId":"7"}""");
        assertThat(s.title()).isEqualTo("Moscow will support Haftar");
        assertThat(s.publishedAt()).isEqualTo("2019-05-30T10:00:00Z");
        assertThat(s.publishedAtFromPage()).isFalse();
        assertThat(s.externalId()).isEqualTo("7");
    }

    @Test
    void jsonNeedsExactlyOneOfTextAndHtml() {
        assertInvalid("{\"title\":\"t\"}", "text");
        assertInvalid("{\"text\":\"   \"}", "text");
        assertInvalid("{\"text\":\"a\",\"html\":\"<p>b</p>\"}", "html");
    }

    @Test
    void wrongTypesAndBadValuesAreNamed() {
        assertInvalid("{\"text\":5}", "text");
        assertInvalid("{\"text\":\"a\",\"publishedAt\":\"30/05/2019\"}", "publishedAt");
        assertInvalid("{\"text\":\"a\",\"url\":\"javascript:alert(1)\"}", "url");
        assertInvalid("{\"text\":\"a\",\"language\":\"english!\"}", "language");
        assertInvalid("{\"text\":\"a\",\"title\":\"" + "x".repeat(1001) + "\"}", "title");
    }

    @Test
    void malformedJsonAndNonObjectsAreRejected() {
        assertThatThrownBy(() -> parser.fromJson("{\"text\":")).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.fromJson("[1,2]")).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThat(SubmissionParser.utf8("Grüße".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße");
        assertThatThrownBy(() -> SubmissionParser.utf8(new byte[]{'a', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void plainTextFirstNonBlankLineIsTheTitle() {
        var s = parser.fromPlainText("\n\n  Title line \r\nBody one.\n\nBody two.\n", new Metadata(null, "src", "2019-04-12", null, null));
        assertThat(s.title()).isEqualTo("Title line");
        assertThat(s.text()).isEqualTo("Body one.\n\nBody two.");
        assertThat(s.source()).isEqualTo("src");
        assertThat(s.publishedAt()).isEqualTo("2019-04-12");
    }

    @Test
    void htmlPageGivesTitleDateUrlAndLanguage() {
        var s = parser.fromHtml("""
                <html lang="en"><head><title>Page title | Site</title>
                <meta property="og:title" content="Real title">
                <link rel="canonical" href="https://news.example/a/1">
                <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-05-30T08:15:00+0000"}</script>
                </head><body><h1>Real title</h1><p>Text.</p></body></html>""", noMeta);
        assertThat(s.title()).isEqualTo("Real title");
        assertThat(s.url()).isEqualTo("https://news.example/a/1");
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.publishedAt()).isEqualTo("2019-05-30T08:15:00Z");
        assertThat(s.publishedAtFromPage()).isTrue();
        assertThat(s.html()).contains("<p>Text.</p>");
    }

    @Test
    void metaTagDateWinsOverJsonLdAndGivenDateWinsOverPage() {
        String page = "<html><head><meta property=\"article:published_time\" content=\"2020-01-02\">"
                + "<script type=\"application/ld+json\">{broken</script></head><body><p>x</p></body></html>";
        assertThat(parser.fromHtml(page, noMeta).publishedAt()).isEqualTo("2020-01-02");
        var given = parser.fromHtml(page, new Metadata(null, null, "2021-03-04", null, null));
        assertThat(given.publishedAt()).isEqualTo("2021-03-04");
        assertThat(given.publishedAtFromPage()).isFalse();
    }

    @Test
    void nulNonCharactersAndUnpairedSurrogatesAreRefusedInEveryField() {
        assertInvalid("{\"title\":\"a\\u0000b\",\"text\":\"x\"}", "title", "NUL");
        assertInvalid("{\"text\":\"x\\u0000\"}", "text", "NUL");
        assertInvalid("{\"html\":\"<p>x\\u0000</p>\"}", "html", "NUL");
        assertInvalid("{\"text\":\"x\",\"source\":\"s\\u0000\"}", "source", "NUL");
        assertInvalid("{\"text\":\"x\",\"externalId\":\"\\u00007\"}", "externalId", "NUL");
        assertInvalid("{\"text\":\"x\",\"url\":\"https://a.example/\\u0000\"}", "url", "NUL");
        assertInvalid("{\"text\":\"x\",\"language\":\"en\\u0000\"}", "language", "NUL");
        assertInvalid("{\"text\":\"x\",\"publishedAt\":\"2019-05-30\\u0000\"}", "publishedAt", "NUL");
        assertInvalid("{\"text\":\"x\\uFFFE\"}", "text", "non-character U+FFFE");
        assertInvalid("{\"text\":\"x\\uFDD0\"}", "text", "non-character U+FDD0");
        assertInvalid("{\"title\":\"\\uD83F\\uDFFF\",\"text\":\"x\"}", "title", "non-character U+1FFFF");
        assertInvalid("{\"text\":\"x\\uD800y\"}", "text", "unpaired surrogate (U+D800)");
        assertInvalid("{\"text\":\"x\\uDC00\"}", "text", "unpaired surrogate (U+DC00)");
        // plain-text bodies and query parameters too
        assertThatThrownBy(() -> parser.fromPlainText("Title\nBody \u0000", noMeta))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.summary()).isEqualTo("text: contains a NUL character (U+0000)"));
        assertThatThrownBy(() -> parser.fromHtml("<p>x</p>", new Metadata(null, "so\u0000urce", null, null, null)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.summary()).startsWith("source: contains a NUL"));
        // characters outside the BMP written as surrogate pairs are fine
        assertThat(parser.fromJson("{\"text\":\"Haftar \\uD83D\\uDE00 \u00e9\u4e2d\"}").text()).isEqualTo("Haftar \uD83D\uDE00 \u00e9\u4e2d");
    }

    @Test
    void otherControlCharactersAreRemovedFromTitleAndTextButTabsAndNewlinesStay() {
        var s = parser.fromJson("{\"title\":\"Haf\\u0001tar\\u001b[31m\",\"text\":\"Line\\tone\\r\\nLine\\u0007 two\\u001f\"}");
        assertThat(s.title()).isEqualTo("Haftar[31m");
        assertThat(s.text()).isEqualTo("Line\tone\r\nLine two");
        assertInvalid("{\"title\":\"t\",\"text\":\"\\u0001\\u0002\"}", "text", "must not be blank");
        assertThat(parser.fromPlainText("Ti\u0008tle\nBo\u000bdy", noMeta).title()).isEqualTo("Title");
    }

    @Test
    void aGivenDateOutsideTheStorableRangeIsRefusedSayingTheRange() {
        assertInvalid("{\"text\":\"x\",\"publishedAt\":\"0001-01-01T00:00:00+01:00\"}", "publishedAt", "between 1600-01-01 and 9999-12-31");
        assertInvalid("{\"text\":\"x\",\"publishedAt\":\"1599-12-31\"}", "publishedAt", "between 1600-01-01 and 9999-12-31");
        assertInvalid("{\"text\":\"x\",\"publishedAt\":\"9999-12-31T23:59:59-01:00\"}", "publishedAt", "between 1600-01-01 and 9999-12-31");
        assertThat(parser.fromJson("{\"text\":\"x\",\"publishedAt\":\"1600-01-01\"}").publishedAt()).isEqualTo("1600-01-01");
        assertThat(parser.fromJson("{\"text\":\"x\",\"publishedAt\":\"9999-12-31\"}").publishedAt()).isEqualTo("9999-12-31");
        assertThatThrownBy(() -> parser.fromPlainText("Body", new Metadata(null, null, "0000-06-01", null, null)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.summary()).contains("publishedAt"));
    }

    @Test
    void anImpossibleOrUnreadablePageDateIsDroppedAndTheNextDeclarationTried() {
        String outOfRange = "<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\"></head>"
                + "<body><p>x</p></body></html>";
        var dropped = parser.fromHtml(outOfRange, noMeta);
        assertThat(dropped.publishedAt()).isNull();
        assertThat(dropped.publishedAtFromPage()).isFalse();
        assertThat(parser.fromJson("{\"html\":\"" + outOfRange.replace("\"", "\\\"") + "\"}").publishedAt()).isNull();
        String laterGood = "<html><head><meta name=\"date\" content=\"99999-01-01\"><meta name=\"pubdate\" content=\"yesterday\">"
                + "<script type=\"application/ld+json\">{\"datePublished\":\"1200-03-04\"}</script></head>"
                + "<body><article><time datetime=\"2019-05-30T10:00:00+0200\">30 May</time><p>x</p></article></body></html>";
        assertThat(parser.fromHtml(laterGood, noMeta).publishedAt()).isEqualTo("2019-05-30T08:00:00Z");
    }

    @Test
    void anythingAfterTheJsonObjectIsRefused() {
        for (String body : new String[]{"{\"text\":\"a\"}\n{\"text\":\"b\"}", "{\"text\":\"a\"} trailing", "{\"text\":\"a\"}}", "{\"text\":\"a\"} 5"}) {
            assertThatThrownBy(() -> parser.fromJson(body)).as(body).isInstanceOf(InvalidSubmissionException.class)
                    .hasMessageContaining("one article per request; use /articles/batch with application/x-ndjson for many");
        }
        assertThat(parser.fromJson("{\"text\":\"a\"}\r\n \t\n").text()).isEqualTo("a");
    }

    private void assertInvalid(String json, String field, String message) {
        assertThatThrownBy(() -> parser.fromJson(json))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e ->
                        assertThat(e.errors()).anySatisfy(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.message()).contains(message);
                        }));
    }

    private void assertInvalid(String json, String field) {
        assertThatThrownBy(() -> parser.fromJson(json))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }
}
