package io.newsflow.enrichment.linking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mention -> Wikipedia title prior, read from the compact file {@link WikipediaIndexBuilder} writes, memory-mapped:
 * the tables stay in the file (the page cache), not on the heap. Thread-safe (every read uses absolute positions).
 *
 * <p>File layout (little endian): the {@link #MAGIC} long; ints {@code mentions}, {@code alternates}, {@code titles};
 * {@code long[mentions]} mention hashes (sorted), {@code int[mentions]} title ids, {@code short[mentions]} priors in
 * 1/10,000; {@code long[alternates]} hashes of a title's name without its qualifier (sorted), {@code int[alternates]}
 * title ids; {@code int[titles + 1]} offsets into the UTF-8 bytes of the titles that follow.
 */
public final class WikipediaIndex {

    /** "NFWIKI" and the layout version: a file of another layout is built again. */
    static final long MAGIC = 0x4E46_5749_4B49_0001L;
    static final int HEADER_BYTES = 8 + 3 * 4;
    static final double PRIOR_SCALE = 10_000;

    /** The title most anchors with a text point to, and the share of that text's anchors that point to it. */
    public record Candidate(String title, double prior) {
    }

    private final ByteBuffer file;
    private final int mentions;
    private final int alternates;
    private final int titles;
    private final int mentionHashes;
    private final int mentionTitles;
    private final int mentionPriors;
    private final int alternateHashes;
    private final int alternateTitles;
    private final int titleOffsets;
    private final int titleBytes;

    private WikipediaIndex(ByteBuffer file) throws IOException {
        this.file = file.order(ByteOrder.LITTLE_ENDIAN);
        if (file.capacity() < HEADER_BYTES || file.getLong(0) != MAGIC) {
            throw new IOException("not a Wikipedia index of this version");
        }
        mentions = file.getInt(8);
        alternates = file.getInt(12);
        titles = file.getInt(16);
        mentionHashes = HEADER_BYTES;
        mentionTitles = mentionHashes + 8 * mentions;
        mentionPriors = mentionTitles + 4 * mentions;
        alternateHashes = mentionPriors + 2 * mentions;
        alternateTitles = alternateHashes + 8 * alternates;
        titleOffsets = alternateTitles + 4 * alternates;
        titleBytes = titleOffsets + 4 * (titles + 1);
        if (mentions < 0 || alternates < 0 || titles < 0 || titleBytes > file.capacity()
                || titleBytes + file.getInt(titleOffsets + 4 * titles) != file.capacity()) {
            throw new IOException("truncated Wikipedia index");
        }
    }

    /** Maps the file (read-only). */
    public static WikipediaIndex open(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new WikipediaIndex(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    /** The title this exact text links to most often, if the dictionary knows the text as a name. */
    public Optional<Candidate> lookup(String mention) {
        int i = find(mentionHashes, mentions, hash(mention));
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(title(file.getInt(mentionTitles + 4 * i)),
                (file.getShort(mentionPriors + 2 * i) & 0xFFFF) / PRIOR_SCALE));
    }

    /**
     * The titles that are this name with a qualifier: "Washington, D.C.", "Georgia (country)" for "Washington" and
     * "Georgia" (titles with underscores, as in {@link Candidate#title()}).
     */
    public List<String> qualifiedTitles(String name) {
        long h = hash(name);
        int i = find(alternateHashes, alternates, h);
        if (i < 0) {
            return List.of();
        }
        while (i > 0 && file.getLong(alternateHashes + 8 * (i - 1)) == h) {
            i--;
        }
        List<String> found = new ArrayList<>();
        for (; i < alternates && file.getLong(alternateHashes + 8 * i) == h; i++) {
            found.add(title(file.getInt(alternateTitles + 4 * i)));
        }
        return found;
    }

    public int mentionCount() {
        return mentions;
    }

    public int titleCount() {
        return titles;
    }

    private String title(int id) {
        int from = file.getInt(titleOffsets + 4 * id);
        int to = file.getInt(titleOffsets + 4 * (id + 1));
        byte[] utf8 = new byte[to - from];
        file.get(titleBytes + from, utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Binary search in a sorted long table at {@code base}: an index holding {@code h}, or -1. */
    private int find(int base, int count, long h) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = file.getLong(base + 8 * mid);
            if (v < h) {
                lo = mid + 1;
            } else if (v > h) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** 64-bit FNV-1a over the UTF-16 units, then MurmurHash3's finaliser: collisions among ~10^7 names are negligible. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
