package io.newsflow.ingest.service;

import io.newsflow.articles.InvalidSubmissionException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyTextTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String decode(String contentType, byte[] body) {
        return BodyText.decode(body, MediaType.valueOf(contentType));
    }

    @Test
    void plainTextIsReadInTheDeclaredCharsetAndUtf8ByDefault() {
        assertThat(decode("text/plain; charset=ISO-8859-1", "Grüße aus Köln".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Grüße aus Köln");
        assertThat(decode("text/plain;charset=\"utf-16\"", "Grüße".getBytes(StandardCharsets.UTF_16))).isEqualTo("Grüße");
        assertThat(decode("text/plain", "Grüße".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße");
        assertThatThrownBy(() -> decode("text/plain", "Grüße".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(InvalidSubmissionException.class).hasMessage("The body is not valid UTF-8.");
        assertThatThrownBy(() -> decode("text/plain; charset=UTF-8", new byte[]{'a', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void htmlIsReadInTheHeadersCharsetElseThePagesElseUtf8() {
        String page = "<html><head><meta charset=\"windows-1252\"><title>“Quoted” – dash</title></head><body><p>é</p></body></html>";
        assertThat(decode("text/html", page.getBytes(WINDOWS_1252))).contains("“Quoted” – dash", "<p>é</p>");
        String httpEquiv = "<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=iso-8859-1'></head><body>Grüße “q”</body></html>";
        // a page labelled ISO-8859-1 is read as windows-1252, as browsers do: its curly quotes survive
        assertThat(decode("text/html", httpEquiv.getBytes(WINDOWS_1252))).contains("Grüße “q”");
        // the header's charset wins over the page's
        String utf8Page = "<html><head><meta charset=\"windows-1252\"></head><body>Grüße</body></html>";
        assertThat(decode("text/html; charset=utf-8", utf8Page.getBytes(StandardCharsets.UTF_8))).contains("Grüße");
        // a page stored as UTF-8 that kept its original declaration is read as UTF-8, not turned into "GrÃ¼ÃŸe"
        assertThat(decode("text/html", utf8Page.getBytes(StandardCharsets.UTF_8))).contains("Grüße");
        // a declaration readable as ASCII cannot be UTF-16
        assertThat(decode("text/html", "<meta charset=utf-16><p>Grüße</p>".getBytes(StandardCharsets.UTF_8))).contains("Grüße");
        assertThat(decode("text/html", "<p>Grüße</p>".getBytes(StandardCharsets.UTF_8))).isEqualTo("<p>Grüße</p>");
        assertThatThrownBy(() -> decode("text/html", "<p>Grüße</p>".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void unknownCharsetsAndNonUtf8JsonAre415() {
        assertThatThrownBy(() -> decode("text/plain; charset=klingon-8", new byte[]{'a'}))
                .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("'klingon-8'").hasMessageContaining("text/plain");
        assertThatThrownBy(() -> decode("text/html", "<meta charset=\"no such\"><p>x</p>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("<meta>");
        assertThatThrownBy(() -> BodyText.declaredCharset(MediaType.valueOf("application/json; charset=ISO-8859-1")))
                .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("JSON is UTF-8 only");
        assertThatThrownBy(() -> BodyText.declaredCharset(MediaType.valueOf("application/x-ndjson; charset=utf-16")))
                .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("JSON is UTF-8 only");
        assertThat(BodyText.declaredCharset(MediaType.valueOf("application/json; charset=UTF8"))).contains(StandardCharsets.UTF_8);
        assertThat(decode("application/json", "{\"text\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8))).contains("Grüße");
    }
}
