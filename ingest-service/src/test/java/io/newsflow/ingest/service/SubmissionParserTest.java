package io.newsflow.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Problem.FieldError;
import io.newsflow.ingest.service.SubmissionParser.Metadata;
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

    private void assertInvalid(String json, String field) {
        assertThatThrownBy(() -> parser.fromJson(json))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }
}
