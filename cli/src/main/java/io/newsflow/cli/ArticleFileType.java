package io.newsflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The article files {@code newsflow ingest} sends, by extension: what each is sent as and where. One article per
 * .txt, .html/.htm and .json file; one per line of an .ndjson/.jsonl file, sent to the batch endpoint.
 */
enum ArticleFileType {
    TEXT("text/plain; charset=utf-8", "/articles", ".txt"),
    HTML("text/html", "/articles", ".html", ".htm"),
    JSON("application/json", "/articles", ".json"),
    NDJSON("application/x-ndjson", "/articles/batch", ".ndjson", ".jsonl");

    /** For messages: the types a user can send. */
    static final String KNOWN = ".txt, .html, .json or .ndjson";

    final String contentType;
    final String endpoint;
    private final List<String> extensions;

    ArticleFileType(String contentType, String endpoint, String... extensions) {
        this.contentType = contentType;
        this.endpoint = endpoint;
        this.extensions = List.of(extensions);
    }

    boolean isBatch() {
        return this == NDJSON;
    }

    /** The type of FILE by its extension (any case), if it is an article file. */
    static Optional<ArticleFileType> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.stream().anyMatch(name::endsWith)).findFirst();
    }

    /**
     * The article files below FOLDER, recursively, sorted by path (symbolic links are not followed).
     *
     * @throws UncheckedIOException when the folder cannot be read
     */
    static List<Path> filesIn(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && of(p).isPresent())
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
