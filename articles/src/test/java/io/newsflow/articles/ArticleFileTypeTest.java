package io.newsflow.articles;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFileTypeTest {

    @Test
    void theKindOfAFileIsItsExtensionInAnyCase() {
        assertThat(ArticleFileType.of(Path.of("a/b.txt"))).contains(ArticleFileType.TEXT);
        assertThat(ArticleFileType.of(Path.of("PAGE.HTM"))).contains(ArticleFileType.HTML);
        assertThat(ArticleFileType.of(Path.of("page.html"))).contains(ArticleFileType.HTML);
        assertThat(ArticleFileType.of(Path.of("a.json"))).contains(ArticleFileType.JSON);
        assertThat(ArticleFileType.of(Path.of("a.jsonl"))).contains(ArticleFileType.NDJSON);
        assertThat(ArticleFileType.of(Path.of("a.ndjson"))).contains(ArticleFileType.NDJSON);
        assertThat(ArticleFileType.of(Path.of("notes.md"))).isEmpty();
        assertThat(ArticleFileType.of(Path.of("/"))).isEmpty();
    }

    @Test
    void eachKindGoesToItsIngestEndpointWithItsMediaType() {
        assertThat(ArticleFileType.TEXT.mediaType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(ArticleFileType.HTML.mediaType()).isEqualTo("text/html");
        assertThat(ArticleFileType.JSON.ingestPath()).isEqualTo("/articles");
        assertThat(ArticleFileType.NDJSON.mediaType()).isEqualTo("application/x-ndjson");
        assertThat(ArticleFileType.NDJSON.ingestPath()).isEqualTo("/articles/batch");
    }
}
