package io.newsflow.enrichment.linking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Small invented dictionaries in wikidict's format, built into a real index file. */
final class TestDictionaries {

    private TestDictionaries() {
    }

    /** @param lines "mention\ttitle\tprior" (sorted by title here, as the real file is grouped by title) */
    static WikipediaIndex index(Path dir, String... lines) {
        try {
            return WikipediaIndex.open(file(dir, lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index file of these lines. */
    static Path file(Path dir, String... lines) {
        String text = Arrays.stream(lines).sorted(Comparator.comparing(l -> l.split("\t")[1]))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Path file = Files.createTempFile(dir, "wikipedia", ".idx");
            WikipediaIndexBuilder.build(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
