package io.newsflow.eval.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** One page of {@code article-extraction/}: its id, url, the ground-truth article body and the page HTML. */
public record ArticlePage(String id, String url, String expectedBody, String html) {

    /**
     * The pages listed in {@code ground-truth.json} that have an {@code html/<id>.html.gz}, sorted by id.
     *
     * @param limit at most this many pages (0: all)
     */
    public static List<ArticlePage> readAll(Path dir, int limit) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<String> ids = new ArrayList<>();
        truth.fieldNames().forEachRemaining(ids::add);
        ids.sort(null);
        List<ArticlePage> pages = new ArrayList<>();
        for (String id : ids) {
            Path html = dir.resolve("html").resolve(id + ".html.gz");
            if (!Files.isRegularFile(html)) {
                continue;
            }
            if (limit > 0 && pages.size() >= limit) {
                break;
            }
            JsonNode entry = truth.get(id);
            pages.add(new ArticlePage(id, entry.path("url").asText(null), entry.path("articleBody").asText(""), gunzip(html)));
        }
        return pages;
    }

    static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
