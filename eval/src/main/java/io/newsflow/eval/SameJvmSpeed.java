package io.newsflow.eval;

import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllReader;
import io.newsflow.eval.timex.TmlDocument;
import io.newsflow.eval.timex.TmlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * CPU per English article of two or more builds of the enrichment in one JVM: each build (its enrichment, events and
 * dependency jars) gets a class loader of its own, and the passes over the same texts alternate between them, so
 * that both see the same machine load, JIT and heap. Every output is compared too: the records each build writes against the first build's
 * ({@code tookMs} aside).
 *
 * <pre>
 * java -Xmx3g -cp eval/target/classes:$(cat eval/target/classpath.txt) io.newsflow.eval.SameJvmSpeed \
 *   --build before=CLASSPATH --build after=CLASSPATH [--build ...] [--passes 4] [--linking on|off|both] [--data ../shared/eval]
 * </pre>
 *
 * The texts: the English NER sets (no publication date: language detection, NER, dates with an inferred
 * publication) and meantime_en's TIMEX documents (with their DCT), as the evaluation enriches them
 * ({@code clean=false}). CPU is the enriching thread's own (one thread, no pool), so the figure is per article.
 */
@Command(name = "same-jvm-speed", mixinStandardHelpOptions = true,
        description = "CPU per English article of two or more builds of the enrichment, side by side in one JVM, outputs compared.")
public final class SameJvmSpeed implements Callable<Integer> {

    private static final Instant RECEIVED = Instant.parse("2020-01-01T00:00:00Z");

    /** One text to enrich: id, text, publication date or null. */
    record Text(String id, String text, String publishedAt) {
    }

    /** One build of the enrichment behind its own class loader, with linking on or off. */
    static final class Build {
        final String name;
        final ClassLoader loader;
        final Object enricher;
        final Method enrich;
        final Constructor<?> rawArticle;

        Build(String name, String classpath, boolean linking) throws Exception {
            this.name = name;
            URL[] urls = Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(s -> toUrl(Path.of(s))).toArray(URL[]::new);
            this.loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            this.enricher = inLoader(loader, () -> {
                Class<?> enricherClass = loader.loadClass("io.newsflow.enrichment.Enricher");
                Class<?> limits = loader.loadClass("io.newsflow.enrichment.Enricher$Limits");
                Class<?> linkingClass = loader.loadClass("io.newsflow.enrichment.linking.WikipediaLinking");
                Object linkingConfig = linkingClass.getConstructor(boolean.class, Path.class)
                        .newInstance(linking, linkingClass.getMethod("defaultIndex").invoke(null));
                return enricherClass.getConstructor(Clock.class, limits, Set.class, Path.class, linkingClass)
                        .newInstance(Clock.fixed(RECEIVED, ZoneOffset.UTC), limits.getField("DEFAULT").get(null), Set.of("en"), null,
                                linkingConfig);
            });
            Class<?> raw = loader.loadClass("io.newsflow.events.RawArticle");
            this.enrich = enricher.getClass().getMethod("enrich", raw, boolean.class);
            this.rawArticle = Arrays.stream(raw.getConstructors()).filter(c -> c.getParameterCount() == 12).findFirst().orElseThrow();
        }

        /** The enriched record as text, without the time it took. */
        String enrich(Text t) throws Exception {
            Object raw = rawArticle.newInstance(1, t.id(), null, null, "eval", null, t.text(), null, null, t.publishedAt(), null, RECEIVED);
            Object out = inLoader(loader, () -> enrich.invoke(enricher, raw, false));
            return out.toString().replaceAll("tookMs=\\d+", "tookMs=");
        }
    }

    /** Whether the builds are timed with Wikipedia linking on, off, or both in turn. */
    enum Linking { on, off, both }

    @Spec
    CommandSpec spec;

    @Option(names = "--build", required = true, paramLabel = "NAME=CLASSPATH",
            description = "a build of the enrichment: its name and classpath; at least two, the first is the reference")
    Map<String, String> builds = new LinkedHashMap<>();

    @Option(names = "--passes", defaultValue = "4", description = "timed passes over the texts per build (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(names = "--linking", defaultValue = "both", description = "Wikipedia linking: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Linking linking;

    @Option(names = "--compare-identity-texts",
            description = "also compare (not time) the outputs on the identity set's Wikipedia texts (linking/wikipedia/RawText)")
    boolean compareIdentityTexts;

    @Option(names = "--data", defaultValue = "../shared/eval", paramLabel = "DIR", description = "the gold data folder (default: ${DEFAULT-VALUE})")
    Path data;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SameJvmSpeed()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (builds.size() < 2) {
            throw new ParameterException(spec.commandLine(), "at least two --build NAME=CLASSPATH, the first is the reference");
        }
        List<Text> texts = texts(data);
        long tokens = 0;
        for (Text t : texts) {
            tokens += t.text().split("\\s+").length;
        }
        System.out.printf(Locale.ROOT, "%d English texts, %,d whitespace tokens%n", texts.size(), tokens);
        List<Boolean> linkings = switch (linking) {
            case on -> List.of(true);
            case off -> List.of(false);
            case both -> List.of(true, false);
        };
        for (boolean link : linkings) {
            System.out.printf("%nlinking %s%n", link ? "on" : "off");
            List<Build> loaded = new ArrayList<>();
            for (Map.Entry<String, String> b : builds.entrySet()) {
                loaded.add(new Build(b.getKey(), b.getValue(), link));
            }
            List<Text> compared = new ArrayList<>(texts);
            if (compareIdentityTexts) {
                compared.addAll(identityTexts(data));
            }
            for (Build b : loaded.subList(1, loaded.size())) {
                compareOutputs(loaded.get(0), b, compared);
            }
            double[][] ms = new double[loaded.size()][passes];
            for (int p = 0; p < passes; p++) {
                StringBuilder line = new StringBuilder("pass " + (p + 1) + ":");
                for (int b = 0; b < loaded.size(); b++) {
                    ms[b][p] = pass(loaded.get(b), texts);
                    line.append(String.format(Locale.ROOT, " %s %.2f", loaded.get(b).name, ms[b][p]));
                }
                System.out.println(line.append(" CPU ms/article"));
            }
            double reference = best(ms[0]);
            for (int b = 0; b < loaded.size(); b++) {
                System.out.printf(Locale.ROOT, "linking %s, %s: best pass after the first %.2f CPU ms/article, x%.2f less than %s%n",
                        link ? "on" : "off", loaded.get(b).name, best(ms[b]), reference / best(ms[b]), loaded.get(0).name);
            }
            // one more pass of each build alone, its start and end printed: a profiler's samples in between are its own
            for (Build b : loaded) {
                Instant from = Instant.now();
                pass(b, texts);
                System.out.printf("profile window linking %s %s %s %s%n", link ? "on" : "off", b.name, from, Instant.now());
            }
        }
        return 0;
    }

    private static double best(double[] passes) {
        return Arrays.stream(passes).skip(passes.length > 1 ? 1 : 0).min().orElseThrow();
    }

    /** Enriches every text with both builds and counts the records that differ (the first few are printed). */
    private static void compareOutputs(Build a, Build b, List<Text> texts) throws Exception {
        int differ = 0;
        for (Text t : texts) {
            String x = a.enrich(t);
            String y = b.enrich(t);
            if (!x.equals(y)) {
                if (differ++ < 3) {
                    System.out.println("DIFFERENT " + t.id() + "\n  " + a.name + " " + x + "\n  " + b.name + " " + y);
                }
            }
        }
        System.out.printf("outputs of %s against %s: %d of %d records differ%n", b.name, a.name, differ, texts.size());
    }

    /** CPU milliseconds of this thread per article over one pass. */
    private static double pass(Build build, List<Text> texts) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (Text t : texts) {
            build.enrich(t);
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / texts.size();
    }

    static List<Text> texts(Path data) throws Exception {
        List<Text> texts = new ArrayList<>();
        for (String set : List.of("gum_wikinews", "meantime_en", "wikigold")) {
            for (ConllDocument d : ConllReader.read(data.resolve("ner").resolve(set + ".conll"))) {
                texts.add(new Text(set + "/" + d.id(), d.text(), null));
            }
        }
        try (Stream<Path> files = Files.list(data.resolve("timex").resolve("meantime_en"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tml")).sorted().toList()) {
                TmlDocument d = TmlReader.read(f);
                texts.add(new Text("timex/" + d.id(), d.text(), d.dct()));
            }
        }
        return texts;
    }

    /** The identity set's raw Wikipedia texts, without a date: more English text to compare outputs on. */
    static List<Text> identityTexts(Path data) throws Exception {
        List<Text> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("linking").resolve("wikipedia").resolve("RawText"))) {
            for (Path f : files.sorted().toList()) {
                texts.add(new Text("identity/" + f.getFileName(), Files.readString(f), null));
            }
        }
        return texts;
    }

    private static <T> T inLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
