package io.newsflow.enrichment.linking;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the Wikipedia index is and whether linking runs, and getting the index ready: a file that is not there yet
 * is built once from the dictionary on the classpath (about a minute; later starts map it in milliseconds). A
 * process that finds another one building waits for it (file lock), so parallel first starts build it once.
 *
 * @param enabled false: no entity is linked ({@value #ENABLED_ENV}=false)
 * @param index   the index file ({@value #INDEX_ENV}); built there when missing
 */
public record WikipediaLinking(boolean enabled, Path index) {

    public static final String ENABLED_ENV = "NEWSFLOW_ENRICH_LINKING";
    public static final String INDEX_ENV = "NEWSFLOW_ENRICH_WIKIPEDIA_INDEX";
    /** The default file's name carries the layout version: a new layout builds a new file. */
    static final String DEFAULT_FILE = "wikipedia-links-v" + (WikipediaIndex.MAGIC & 0xFFFF) + ".idx";

    private static final System.Logger LOG = System.getLogger(WikipediaLinking.class.getName());

    /** From {@value #ENABLED_ENV} (default true) and {@value #INDEX_ENV} (default {@link #defaultIndex()}). */
    public static WikipediaLinking fromEnvironment() {
        String enabled = System.getenv(ENABLED_ENV);
        String index = System.getenv(INDEX_ENV);
        return new WikipediaLinking(enabled == null || enabled.isBlank() || Boolean.parseBoolean(enabled.strip()),
                index == null || index.isBlank() ? defaultIndex() : Path.of(index.strip()));
    }

    /** {@code $XDG_CACHE_HOME/newsflow/} or {@code ~/.cache/newsflow/}, one file for every checkout on the machine. */
    public static Path defaultIndex() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path dir = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return dir.resolve("newsflow").resolve(DEFAULT_FILE);
    }

    /**
     * The linker over the index, built first if missing; empty when linking is off, or when the index can be neither
     * read nor built (logged: the articles are then enriched without links).
     */
    public Optional<EntityLinker> load() {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EntityLinker(ready()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Wikipedia linking off: no index at {0} and it could not be built ({1})", index, e.toString());
            return Optional.empty();
        }
    }

    private WikipediaIndex ready() throws IOException {
        Optional<WikipediaIndex> existing = openIfValid();
        if (existing.isPresent()) {
            return existing.get();
        }
        Path dir = index.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(index.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            existing = openIfValid(); // another process may have built it while this one waited
            if (existing.isPresent()) {
                return existing.get();
            }
            long started = System.nanoTime();
            WikipediaIndexBuilder.Stats stats = WikipediaIndexBuilder.buildFromClasspath(index);
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                    "Built the Wikipedia index %s in %.1f s: %,d names, %,d pages, %,d bytes", index,
                    (System.nanoTime() - started) / 1e9, stats.mentions(), stats.titles(), Files.size(index)));
            return WikipediaIndex.open(index);
        }
    }

    private Optional<WikipediaIndex> openIfValid() {
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        try {
            return Optional.of(WikipediaIndex.open(index));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Rebuilding the Wikipedia index {0}: {1}", index, e.getMessage());
            return Optional.empty();
        }
    }
}
