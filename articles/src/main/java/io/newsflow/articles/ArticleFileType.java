package io.newsflow.articles;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of article files Newsflow reads, by file name: what {@code newsflow ingest} sends (with which media
 * type, to which endpoint) and what {@code newsflow enrich} reads, so that both take the same files the same way.
 */
public enum ArticleFileType {

    /** The first non-blank line is the title, the rest the body; a one-line file is all body. */
    TEXT("text/plain; charset=utf-8", "/articles", ".txt"),
    /** A web page: title, date, canonical URL and language come from the page. */
    HTML("text/html", "/articles", ".html", ".htm"),
    /** One article as a JSON object ({@code newsflow enrich} also takes an array of them). */
    JSON("application/json", "/articles", ".json"),
    /** One JSON article per line. */
    NDJSON("application/x-ndjson", "/articles/batch", ".ndjson", ".jsonl");

    private final String mediaType;
    private final String ingestPath;
    private final List<String> extensions;

    ArticleFileType(String mediaType, String ingestPath, String... extensions) {
        this.mediaType = mediaType;
        this.ingestPath = ingestPath;
        this.extensions = List.of(extensions);
    }

    /** The Content-Type ingest takes the file's bytes as. */
    public String mediaType() {
        return mediaType;
    }

    /** The ingest endpoint the file goes to. */
    public String ingestPath() {
        return ingestPath;
    }

    /** Extensions of this kind, with their dot, lower case. */
    public List<String> extensions() {
        return extensions;
    }

    /** The kind of file by its extension (any case); empty for a file Newsflow does not read. */
    public static Optional<ArticleFileType> of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (ArticleFileType type : values()) {
            if (type.extensions.stream().anyMatch(lower::endsWith)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
