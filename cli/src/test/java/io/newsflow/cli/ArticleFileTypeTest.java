package io.newsflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFileTypeTest {

    @TempDir
    Path dir;

    @Test
    void theTypeComesFromTheExtensionInAnyCase() {
        assertThat(ArticleFileType.of(Path.of("a.TXT"))).contains(ArticleFileType.TEXT);
        assertThat(ArticleFileType.of(Path.of("a.htm"))).contains(ArticleFileType.HTML);
        assertThat(ArticleFileType.of(Path.of("x/a.Html"))).contains(ArticleFileType.HTML);
        assertThat(ArticleFileType.of(Path.of("a.json"))).contains(ArticleFileType.JSON);
        assertThat(ArticleFileType.of(Path.of("a.jsonl"))).contains(ArticleFileType.NDJSON);
        assertThat(ArticleFileType.of(Path.of("a.ndjson"))).contains(ArticleFileType.NDJSON);
        assertThat(ArticleFileType.of(Path.of("a.md"))).isEqualTo(Optional.empty());
        assertThat(ArticleFileType.NDJSON.endpoint).isEqualTo("/articles/batch");
        assertThat(ArticleFileType.JSON.endpoint).isEqualTo("/articles");
    }

    @Test
    void foldersAreReadRecursivelyInPathOrder() throws IOException {
        for (String name : new String[]{"b/z.txt", "b.txt", "a/y.json", "c.md", "B.html"}) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "x");
        }
        assertThat(ArticleFileType.filesIn(dir)).map(p -> dir.relativize(p).toString())
                .containsExactly("B.html", "a/y.json", "b.txt", "b/z.txt");
    }
}
