package io.newsflow.enrichment.linking;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Builds the compact {@link WikipediaIndex} from CoreNLP's {@code wikidict.tab.gz} (KBP English models jar: one line
 * per anchor text, {@code mention \t title \t share of that text's anchors pointing to the title}, lines grouped by
 * title; only the most frequent title of each text is listed). Of its 21 million lines it keeps what can be a name
 * the NER finds and is evidence for its page:
 * <ul>
 *   <li>the text looks like a name: starts with a capital or a digit, letters, digits, spaces and {@code .,'&-}
 *       only, at most 5 words and 50 characters (drops "hipster doofus", URLs, "Images for ... from Wikipedia");</li>
 *   <li>it is related to the title (a word in common, or its initials: "U.S." for United States), or was seen
 *       with more than one page (share below 1: so it was seen at least twice, "America" -> United States);
 *       a text seen once pointing to an unrelated page ("5.6%" -> Washington) is noise;</li>
 *   <li>the title is an article: no disambiguation pages, lists or other namespaces.</li>
 * </ul>
 * The title of each kept text, and the titles of the same name with a qualifier ("Washington, D.C."), are what
 * linking chooses from. One pass over the file; the tables are sorted in memory (~250 MB of heap for the full file).
 */
public final class WikipediaIndexBuilder {

    /** Where the dictionary is in the models jar (on the classpath through the enrichment's dependencies). */
    public static final String WIKIDICT_RESOURCE = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";

    private static final Pattern NAME_SHAPE = Pattern.compile("[\\p{Lu}\\p{N}][\\p{L}\\p{M}\\p{N} .,'’&\\-]*");
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_CHARS = 50;
    private static final int MAX_WORDS = 5;
    private static final Set<String> NON_ARTICLE_PREFIXES = Set.of("List_of_", "Lists_of_", "Category:", "File:", "Image:",
            "Wikipedia:", "Template:", "Portal:", "Help:", "Talk:", "User:");

    /** What one build kept. */
    public record Stats(long lines, int mentions, int titles, int alternates) {
    }

    private WikipediaIndexBuilder() {
    }

    /** Builds the index from the dictionary on the classpath; writes a temporary file first, then moves it into place. */
    public static Stats buildFromClasspath(Path target) throws IOException {
        InputStream in = WikipediaIndexBuilder.class.getClassLoader().getResourceAsStream(WIKIDICT_RESOURCE);
        if (in == null) {
            throw new IOException(WIKIDICT_RESOURCE + " is not on the classpath (stanford-corenlp models-english-kbp)");
        }
        try (in) {
            return build(new GZIPInputStream(in, 1 << 16), target);
        }
    }

    /** Builds the index from the uncompressed dictionary text. */
    public static Stats build(InputStream wikidict, Path target) throws IOException {
        Tables tables = new Tables();
        long lines = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(wikidict, StandardCharsets.UTF_8), 1 << 16);
        String groupTitle = null;
        int groupId = -1;
        for (String line; (line = reader.readLine()) != null; ) {
            lines++;
            int tab1 = line.indexOf('\t');
            int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
            if (tab2 < 0) {
                continue;
            }
            String mention = line.substring(0, tab1);
            String title = line.substring(tab1 + 1, tab2);
            double prior;
            try {
                prior = Double.parseDouble(line.substring(tab2 + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (!title.equals(groupTitle)) {
                groupTitle = title;
                groupId = -1;
            }
            if (!isArticle(title) || !looksLikeName(mention) || !(prior < 1 || related(mention, title))) {
                continue;
            }
            if (groupId < 0) {
                groupId = tables.addTitle(title);
            }
            tables.addMention(WikipediaIndex.hash(mention), groupId, prior);
        }
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                tables.write(out);
            }
            readableByAll(tmp); // a temporary file is private; the index is shared by every process of the machine
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Stats(lines, tables.mentions, tables.titles, tables.alternates);
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions stay
        }
    }

    static boolean isArticle(String title) {
        if (title.isEmpty() || title.endsWith("_(disambiguation)")) {
            return false;
        }
        for (String prefix : NON_ARTICLE_PREFIXES) {
            if (title.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeName(String mention) {
        return mention.length() <= MAX_CHARS && NAME_SHAPE.matcher(mention).matches()
                && mention.split(" +").length <= MAX_WORDS;
    }

    /** A word in common with the title (case aside), or the initials of its capitalised words ("U.S.", "NATO"). */
    static boolean related(String mention, String title) {
        if (shareWord(mention, title.replace('_', ' '))) {
            return true;
        }
        String letters = mention.replace(".", "").replace(" ", "");
        return letters.length() >= 2 && letters.equals(initials(TitleName.of(title).name()));
    }

    /** A word (letters and digits, case aside) in both. */
    static boolean shareWord(String a, String b) {
        Set<String> bWords = words(b);
        for (String w : words(a)) {
            if (bWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String s) {
        Set<String> words = new HashSet<>();
        var m = WORDS.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String w : name.split(" +")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString();
    }

    /** The kept entries in growable primitive arrays (tens of millions of objects would not fit a small heap). */
    private static final class Tables {
        long[] mentionHashes = new long[1 << 20];
        int[] mentionTitles = new int[1 << 20];
        short[] mentionPriors = new short[1 << 20];
        int mentions;
        long[] alternateHashes = new long[1 << 16];
        int[] alternateTitles = new int[1 << 16];
        int alternates;
        int[] titleOffsets = new int[1 << 20];
        final ByteArrayOutputStream titleBytes = new ByteArrayOutputStream(1 << 24);
        int titles;

        int addTitle(String title) {
            int id = titles++;
            if (titles + 1 >= titleOffsets.length) {
                titleOffsets = Arrays.copyOf(titleOffsets, titleOffsets.length * 2);
            }
            titleBytes.writeBytes(title.getBytes(StandardCharsets.UTF_8));
            titleOffsets[titles] = titleBytes.size();
            TitleName name = TitleName.of(title);
            if (name.qualifier() != null) {
                if (alternates == alternateHashes.length) {
                    alternateHashes = Arrays.copyOf(alternateHashes, alternates * 2);
                    alternateTitles = Arrays.copyOf(alternateTitles, alternates * 2);
                }
                alternateHashes[alternates] = WikipediaIndex.hash(name.name());
                alternateTitles[alternates++] = id;
            }
            return id;
        }

        void addMention(long hash, int title, double prior) {
            if (mentions == mentionHashes.length) {
                mentionHashes = Arrays.copyOf(mentionHashes, mentions * 2);
                mentionTitles = Arrays.copyOf(mentionTitles, mentions * 2);
                mentionPriors = Arrays.copyOf(mentionPriors, mentions * 2);
            }
            mentionHashes[mentions] = hash;
            mentionTitles[mentions] = title;
            mentionPriors[mentions++] = (short) Math.round(Math.max(0, Math.min(1, prior)) * WikipediaIndex.PRIOR_SCALE);
        }

        void write(OutputStream out) throws IOException {
            sort(mentionHashes, mentionTitles, mentionPriors, 0, mentions - 1);
            dropRepeatedMentions();
            sort(alternateHashes, alternateTitles, null, 0, alternates - 1);
            ByteBuffer header = ByteBuffer.allocate(WikipediaIndex.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(WikipediaIndex.MAGIC).putInt(mentions).putInt(alternates).putInt(titles);
            out.write(header.array());
            Little little = new Little(out);
            for (int i = 0; i < mentions; i++) {
                little.putLong(mentionHashes[i]);
            }
            for (int i = 0; i < mentions; i++) {
                little.putInt(mentionTitles[i]);
            }
            for (int i = 0; i < mentions; i++) {
                little.putShort(mentionPriors[i]);
            }
            for (int i = 0; i < alternates; i++) {
                little.putLong(alternateHashes[i]);
            }
            for (int i = 0; i < alternates; i++) {
                little.putInt(alternateTitles[i]);
            }
            for (int i = 0; i <= titles; i++) {
                little.putInt(titleOffsets[i]);
            }
            little.flush();
            titleBytes.writeTo(out);
        }

        /** One entry per text (only a hash collision repeats one): the one with the larger share. */
        private void dropRepeatedMentions() {
            int kept = 0;
            for (int i = 0; i < mentions; i++) {
                if (kept > 0 && mentionHashes[kept - 1] == mentionHashes[i]) {
                    if (mentionPriors[i] > mentionPriors[kept - 1]) {
                        mentionTitles[kept - 1] = mentionTitles[i];
                        mentionPriors[kept - 1] = mentionPriors[i];
                    }
                    continue;
                }
                mentionHashes[kept] = mentionHashes[i];
                mentionTitles[kept] = mentionTitles[i];
                mentionPriors[kept++] = mentionPriors[i];
            }
            mentions = kept;
        }
    }

    /** Quicksort of parallel arrays by the long keys ({@code shorts} may be null). */
    private static void sort(long[] keys, int[] ints, short[] shorts, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    for (int j = i; j > lo && keys[j - 1] > keys[j]; j--) {
                        swap(keys, ints, shorts, j - 1, j);
                    }
                }
                return;
            }
            long pivot = keys[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, ints, shorts, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: the stack stays logarithmic
            if (j - lo < hi - i) {
                sort(keys, ints, shorts, lo, j);
                lo = i;
            } else {
                sort(keys, ints, shorts, i, hi);
                hi = j;
            }
        }
    }

    private static void swap(long[] keys, int[] ints, short[] shorts, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        int v = ints[a];
        ints[a] = ints[b];
        ints[b] = v;
        if (shorts != null) {
            short s = shorts[a];
            shorts[a] = shorts[b];
            shorts[b] = s;
        }
    }

    /** Little-endian primitives through a reused buffer. */
    private static final class Little {
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Little(OutputStream out) {
            this.out = out;
        }

        void putLong(long v) throws IOException {
            room(8);
            buffer.putLong(v);
        }

        void putInt(int v) throws IOException {
            room(4);
            buffer.putInt(v);
        }

        void putShort(short v) throws IOException {
            room(2);
            buffer.putShort(v);
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** {@code WikipediaIndexBuilder TARGET_FILE}: builds the index from the dictionary on the classpath (e.g. in an image build). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WikipediaIndexBuilder TARGET_FILE");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path target = Path.of(args[0]);
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Stats stats = buildFromClasspath(target);
        System.out.printf(Locale.ROOT, "%s: %,d of %,d lines kept, %,d titles (%,d with a qualifier), %,d bytes, %.1f s%n",
                target, stats.mentions(), stats.lines(), stats.titles(), stats.alternates(), Files.size(target),
                (System.nanoTime() - started) / 1e9);
    }
}
