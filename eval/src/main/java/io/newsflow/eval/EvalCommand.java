package io.newsflow.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newsflow.enrichment.Enricher;
import io.newsflow.enrichment.text.HtmlMainText;
import io.newsflow.eval.article.ArticlePage;
import io.newsflow.eval.article.Shingles;
import io.newsflow.eval.identity.IdentityDocument;
import io.newsflow.eval.identity.IdentityReader;
import io.newsflow.eval.identity.IdentityScorer;
import io.newsflow.eval.identity.IdentitySystem;
import io.newsflow.eval.identity.KeyedMention;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllEval;
import io.newsflow.eval.ner.ConllReader;
import io.newsflow.eval.ner.NerDiff;
import io.newsflow.eval.ner.Span;
import io.newsflow.eval.ner.TagProjection;
import io.newsflow.eval.timex.TimexScorer;
import io.newsflow.eval.timex.TimexSpan;
import io.newsflow.eval.timex.TmlDocument;
import io.newsflow.eval.timex.TmlReader;
import io.newsflow.eval.util.CpuClock;
import io.newsflow.eval.util.HeapMeter;
import io.newsflow.eval.util.Parallel;
import io.newsflow.eval.util.Prf;
import io.newsflow.eval.util.TextTable;
import org.jsoup.Jsoup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.newsflow.eval.util.TextTable.fixed;
import static io.newsflow.eval.util.TextTable.num;
import static io.newsflow.eval.util.TextTable.pct;

/**
 * Extraction quality on the shared dev data, Newsflow's enricher side by side with the stock CoreNLP pipeline:
 * NER (conlleval), TIMEX (TempEval-3 pairing), article body (4-shingles), entity identity (B-cubed of the keys,
 * linking), throughput and heap.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = EvalCommand.Version.class,
        description = {
                "Evaluates Newsflow's extraction on the dev data in ../shared/eval, with the stock CoreNLP pipeline of each "
                        + "set's language side by side.",
                "Prints per data set: NER conlleval P/R/F1 overall and per type (ner/*.conll, language from the file-name "
                        + "prefix: de-, es-, it-, nl-, zh-; none: en); TIMEX strict, relaxed and value F1 "
                        + "with the DCT as publishedAt (timex/*/*.tml, TempEval-3 pairing); article-body shingle F1 "
                        + "(article-extraction/); entity identity: B-cubed P/R/F1 of the entity keys against the true "
                        + "Wikipedia pages and linking P/R/F1, beside stock CoreNLP's naive keys (linking/wikipedia/); "
                        + "tokens/s and heap."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:evaluation done", "1:runtime failure", "2:usage error"})
public final class EvalCommand implements Callable<Integer> {

    private static final List<String> ALL_SETS = List.of("ner", "timex", "article", "identity");
    private static final List<String> CONLL_TYPES = List.of("PER", "ORG", "LOC", "MISC");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the gold data folder (default: ../shared/eval next to the repository root)")
    Path data;

    @Option(names = "--sets", split = ",", paramLabel = "SET", defaultValue = "ner,timex,article,identity",
            description = "data sets to run: ner, timex, article, identity (default: ${DEFAULT-VALUE})")
    List<String> sets;

    @Option(names = "--languages", split = ",", paramLabel = "LANG",
            description = "only the NER and TIMEX data sets in these languages (ISO 639-1 as their names say, e.g. "
                    + "de,es,it,nl,zh; en: the sets without a prefix); default: all")
    List<String> languages;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "at most N documents per data set, for quick runs (0: all)")
    int limit;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for both systems (default: all cores)")
    Integer threads;

    @Option(names = "--baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run the stock CoreNLP pipeline of each set's language (slow: English ~30 s to load, ~1.5 GB heap; "
                    + "Chinese ~2 min, ~1.7 GB); --no-baseline skips it")
    boolean baseline;

    @Option(names = "--components",
            description = "also time each part of the enrichment alone (tokenizer, each CRF, dates, language) on the English "
                    + "NER texts, next to the stock pipeline in the same process unless --no-baseline (~4 min more)")
    boolean components;

    @Option(names = "--baseline-limit", paramLabel = "N", defaultValue = "0",
            description = "at most N documents per data set for the baseline only (0: same as --limit)")
    int baselineLimit;

    @Option(names = "--json", paramLabel = "FILE", description = "also write all figures as JSON to FILE")
    Path json;

    @Option(names = "--errors", paramLabel = "DIR", description = "write the error listings (TSV) to DIR")
    Path errors;

    private final PrintStream out;
    private final PrintStream log;

    /** {@code -V}: the enrichment version under evaluation. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"newsflow eval, enrichment " + Enricher.version()};
        }
    }

    public EvalCommand() {
        this(System.out, System.err);
    }

    EvalCommand(PrintStream out, PrintStream log) {
        this.out = out;
        this.log = log;
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("eval: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        System.exit(cli.execute(args));
    }

    // ---- results

    /** @param cpuSeconds CPU time of the whole JVM while the system ran (negative when unknown) */
    record NerRun(String set, String system, ConllEval eval, NerDiff diff, int docs, long tokens, double seconds,
                  double cpuSeconds) {
    }

    /** The stock NER a language's sets are compared with: a model name, or null when CoreNLP ships none. */
    record StockNer(String language, String model) {
    }

    record TimexRun(String set, String system, TimexScorer scorer, int docs, int gold, double seconds) {
    }

    record ArticleRun(String system, Shingles.Summary summary, List<Shingles.Counts> pages, int empty, double seconds) {
    }

    record IdentityRun(String system, IdentityScorer scorer, double seconds) {
    }

    record SystemCost(String system, double loadSeconds, long liveHeap, long peakHeap) {
    }

    private final List<NerRun> nerRuns = new ArrayList<>();
    private final List<TimexRun> timexRuns = new ArrayList<>();
    private final List<ArticleRun> articleRuns = new ArrayList<>();
    private final List<IdentityRun> identityRuns = new ArrayList<>();
    private final List<SystemCost> costs = new ArrayList<>();
    private final Map<String, String> nerLanguages = new LinkedHashMap<>(); // NER set -> its language
    private final Map<String, StockNer> stockNer = new LinkedHashMap<>(); // language (not English) -> its stock NER
    private List<ArticlePage> pages = List.of();
    private List<IdentityDocument> identityDocs = List.of();
    private List<ComponentSpeed.Run> componentRuns = List.of();

    @Override
    public Integer call() throws Exception {
        Set<String> selected = new LinkedHashSet<>();
        for (String s : sets) {
            String set = s.strip().toLowerCase(Locale.ROOT);
            if (!ALL_SETS.contains(set)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown set '" + s + "' (ner, timex, article, identity)");
            }
            selected.add(set);
        }
        Set<String> onlyLanguages = null;
        if (languages != null) {
            onlyLanguages = new LinkedHashSet<>();
            for (String l : languages) {
                String language = l.strip().toLowerCase(Locale.ROOT);
                if (!language.matches("[a-z]{2}")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--languages takes ISO 639-1 codes such as de,zh: '" + l + "'");
                }
                onlyLanguages.add(language);
            }
        }
        if (limit < 0 || baselineLimit < 0 || threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit/--baseline-limit must be >= 0, --threads >= 1");
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path dataDir = (data != null ? data : defaultData()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no gold data folder at " + dataDir + " (use --data DIR)");
        }

        Map<String, List<ConllDocument>> ner = new LinkedHashMap<>();
        Map<String, List<TmlDocument>> timex = new LinkedHashMap<>();
        if (selected.contains("ner")) {
            for (Path f : list(dataDir.resolve("ner"), p -> p.toString().endsWith(".conll"))) {
                String set = f.getFileName().toString().replaceFirst("\\.conll$", "");
                String language = ConllDocument.languageOfSet(set);
                if (onlyLanguages == null || onlyLanguages.contains(language)) {
                    ner.put(set, limit(ConllReader.read(f), limit));
                    nerLanguages.put(set, language);
                }
            }
        }
        if (selected.contains("timex")) {
            for (Path dir : list(dataDir.resolve("timex"), Files::isDirectory)) {
                List<TmlDocument> docs = new ArrayList<>();
                String language = TmlDocument.languageOfSet(dir.getFileName().toString());
                if (onlyLanguages != null && !onlyLanguages.contains(language)) {
                    continue;
                }
                for (Path f : list(dir, p -> p.toString().endsWith(".tml"))) {
                    docs.add(TmlReader.read(f).inLanguage(language));
                }
                timex.put(dir.getFileName().toString(), limit(docs, limit));
            }
        }
        if (selected.contains("article")) {
            pages = ArticlePage.readAll(dataDir.resolve("article-extraction"), limit);
        }
        if (selected.contains("identity")) {
            identityDocs = IdentityReader.read(dataDir.resolve("linking").resolve("wikipedia"), limit);
        }
        log.printf("eval: data %s, %d thread(s), sets %s%s%n", dataDir, nThreads, selected,
                onlyLanguages == null ? "" : ", languages " + onlyLanguages);

        newsflowPhase(ner, timex, nThreads); // the enricher goes out of scope before the baseline loads
        if (baseline && (!ner.isEmpty() || !timex.isEmpty() || !identityDocs.isEmpty())) {
            baselinePhase(ner, timex, nThreads);
        }

        // the parts of the English enrichment, beside the English stock pipeline: on the English texts
        List<ConllDocument> englishTexts = nerInLanguage(ner, "en").values().stream().flatMap(List::stream).toList();
        if (components && !englishTexts.isEmpty()) {
            componentRuns = new ComponentSpeed(englishTexts, nThreads, log).measure(baseline);
        }

        String date = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        print(date, dataDir, nThreads);
        if (json != null) {
            writeJson(date, dataDir, nThreads);
            log.println("eval: figures written to " + json);
        }
        if (errors != null) {
            writeErrors();
            log.println("eval: error listings written to " + errors);
        }
        return 0;
    }

    // ---- running

    private void newsflowPhase(Map<String, List<ConllDocument>> ner, Map<String, List<TmlDocument>> timex, int nThreads) {
        long before = HeapMeter.live();
        long t0 = System.nanoTime();
        NewsflowExtractor newsflow = new NewsflowExtractor(new Enricher());
        double load = seconds(t0);
        long live = HeapMeter.live() - before;
        log.printf("eval: newsflow enricher loaded in %.1f s (%s live heap)%n", load, HeapMeter.mb(live));
        try (HeapMeter meter = HeapMeter.start()) {
            warmUp(newsflow, ner, nThreads);
            for (var e : ner.entrySet()) {
                nerRuns.add(runNer(e.getKey(), e.getValue(), newsflow, nThreads));
            }
            for (var e : timex.entrySet()) {
                timexRuns.add(runTimex(e.getKey(), e.getValue(), newsflow, nThreads));
            }
            if (!pages.isEmpty()) {
                articleRuns.add(runArticle("newsflow", p -> newsflow.articleText(p.id(), p.html()), nThreads));
                articleRuns.add(runArticle("html-main-text",
                        p -> Objects.requireNonNullElse(HtmlMainText.extract(p.html()).text(), ""), nThreads));
                articleRuns.add(runArticle("full-page-text", p -> Jsoup.parse(p.html()).body().text(), nThreads));
            }
            if (!identityDocs.isEmpty()) {
                identityRuns.add(runIdentity(identityDocs, newsflow, nThreads));
            }
            costs.add(new SystemCost("newsflow", load, live, meter.peak()));
        }
    }

    /**
     * The stock pipelines, one language at a time, each dropped before the next loads: English (NER on the English
     * sets, and TIMEX on all TIMEX sets, as before), then the stock NER of every other language with NER sets.
     */
    private void baselinePhase(Map<String, List<ConllDocument>> ner, Map<String, List<TmlDocument>> timex, int nThreads) {
        Map<String, List<ConllDocument>> english = nerInLanguage(ner, "en");
        if (!english.isEmpty() || !timex.isEmpty() || !identityDocs.isEmpty()) {
            englishBaseline(english, timex, nThreads);
            StanfordCoreNLP.clearAnnotatorPool(); // CoreNLP keeps its annotators (and their models) in a static pool
        }
        for (String language : new LinkedHashSet<>(nerLanguages.values())) {
            if (!language.equals("en")) {
                languageBaseline(language, nerInLanguage(ner, language), nThreads);
                StanfordCoreNLP.clearAnnotatorPool();
            }
        }
    }

    private void englishBaseline(Map<String, List<ConllDocument>> ner, Map<String, List<TmlDocument>> timex, int nThreads) {
        CoreNlpBaseline stock = new CoreNlpBaseline();
        long before = HeapMeter.live();
        long t0 = System.nanoTime();
        if (!ner.isEmpty()) {
            stock.loadNer();
        }
        if (!timex.isEmpty() || !identityDocs.isEmpty()) {
            stock.loadTimex(); // the identity texts go through the TIMEX pipeline too
        }
        double load = seconds(t0);
        long live = HeapMeter.live() - before;
        log.printf("eval: stock CoreNLP pipeline loaded in %.1f s (%s live heap)%n", load, HeapMeter.mb(live));
        try (HeapMeter meter = HeapMeter.start()) {
            warmUp(stock, ner, nThreads);
            for (var e : ner.entrySet()) {
                nerRuns.add(runNer(e.getKey(), limit(e.getValue(), baselineLimit), stock, nThreads));
            }
            for (var e : timex.entrySet()) {
                timexRuns.add(runTimex(e.getKey(), limit(e.getValue(), baselineLimit), stock, nThreads));
            }
            if (!identityDocs.isEmpty()) {
                identityRuns.add(runIdentity(limit(identityDocs, baselineLimit), stock, nThreads));
            }
            costs.add(new SystemCost("corenlp", load, live, meter.peak()));
        }
    }

    /** The stock NER of one language other than English on its sets, or a note that CoreNLP ships none (Dutch). */
    private void languageBaseline(String language, Map<String, List<ConllDocument>> ner, int nThreads) {
        if (!CoreNlpLanguageBaseline.hasStockModel(language)) {
            stockNer.put(language, new StockNer(language, null));
            log.printf("eval: no stock CoreNLP NER model for %s%n", language);
            return;
        }
        CoreNlpLanguageBaseline stock = new CoreNlpLanguageBaseline(language);
        stockNer.put(language, new StockNer(language, stock.model()));
        long before = HeapMeter.live();
        long t0 = System.nanoTime();
        stock.load();
        double load = seconds(t0);
        long live = HeapMeter.live() - before;
        log.printf("eval: stock CoreNLP %s NER (%s) loaded in %.1f s (%s live heap)%n", language, stock.model(), load,
                HeapMeter.mb(live));
        try (HeapMeter meter = HeapMeter.start()) {
            warmUp(stock, ner, nThreads);
            for (var e : ner.entrySet()) {
                nerRuns.add(runNer(e.getKey(), limit(e.getValue(), baselineLimit), stock, nThreads));
            }
            costs.add(new SystemCost("corenlp-" + language, load, live, meter.peak()));
        }
    }

    /** The NER sets of one language, in their order. */
    private Map<String, List<ConllDocument>> nerInLanguage(Map<String, List<ConllDocument>> ner, String language) {
        Map<String, List<ConllDocument>> sets = new LinkedHashMap<>();
        ner.forEach((set, docs) -> {
            if (language.equals(nerLanguages.get(set))) {
                sets.put(set, docs);
            }
        });
        return sets;
    }

    /**
     * One untimed pass over all the NER texts, so that both systems are timed as they run in a long-lived service:
     * with their hot paths compiled (the JIT's own CPU time would otherwise count against the faster system most).
     */
    private void warmUp(NerSystem system, Map<String, List<ConllDocument>> ner, int nThreads) {
        List<ConllDocument> all = ner.values().stream().flatMap(List::stream).toList();
        long t0 = System.nanoTime();
        Parallel.map(all, nThreads, system::entities);
        log.printf("eval: %s warm-up on %d documents (not timed): %.1f s%n", system.name(), all.size(), seconds(t0));
    }

    private NerRun runNer(String set, List<ConllDocument> docs, NerSystem system, int nThreads) {
        long cpu0 = CpuClock.processNanos();
        long t0 = System.nanoTime();
        List<List<Span>> mentions = Parallel.map(docs, nThreads, system::entities);
        double took = seconds(t0);
        double cpu = cpu0 < 0 ? -1 : (CpuClock.processNanos() - cpu0) / 1e9;
        ConllEval eval = new ConllEval();
        NerDiff diff = new NerDiff();
        long tokens = 0;
        for (int d = 0; d < docs.size(); d++) {
            ConllDocument doc = docs.get(d);
            List<List<String>> guessed = TagProjection.toIob2(doc, mentions.get(d));
            for (int s = 0; s < doc.sentences().size(); s++) {
                ConllDocument.Sentence sentence = doc.sentences().get(s);
                eval.add(sentence.tags(), guessed.get(s));
                diff.add(doc.id(), sentence.tokens(), doc.tokenSeparator(), sentence.tags(), guessed.get(s));
            }
            tokens += doc.tokenCount();
        }
        log.printf("eval: NER %s, %s: %d docs, %,d tokens in %.1f s (%.1f CPU s), F1 %.1f%n", set, system.name(), docs.size(),
                tokens, took, cpu, 100 * eval.overall().f1());
        return new NerRun(set, system.name(), eval, diff, docs.size(), tokens, took, cpu);
    }

    private TimexRun runTimex(String set, List<TmlDocument> docs, Extractor system, int nThreads) {
        long t0 = System.nanoTime();
        List<List<TimexSpan>> found = Parallel.map(docs, nThreads, system::timexes);
        double took = seconds(t0);
        TimexScorer scorer = new TimexScorer();
        int gold = 0;
        for (int d = 0; d < docs.size(); d++) {
            scorer.add(docs.get(d).id(), docs.get(d).text(), docs.get(d).timexes(), found.get(d));
            gold += docs.get(d).timexes().size();
        }
        log.printf("eval: TIMEX %s, %s: %d docs in %.1f s, relaxed F1 %.1f, value F1 %.1f%n", set, system.name(), docs.size(),
                took, 100 * scorer.relaxed().f1(), 100 * scorer.value().f1());
        return new TimexRun(set, system.name(), scorer, docs.size(), gold, took);
    }

    private ArticleRun runArticle(String system, Function<ArticlePage, String> extract, int nThreads) {
        long t0 = System.nanoTime();
        List<String> texts = Parallel.map(pages, nThreads, extract);
        double took = seconds(t0);
        List<Shingles.Counts> counts = new ArrayList<>();
        int empty = 0;
        for (int i = 0; i < pages.size(); i++) {
            counts.add(Shingles.match(pages.get(i).expectedBody(), texts.get(i)));
            if (Shingles.words(texts.get(i)).isEmpty()) {
                empty++;
            }
        }
        Shingles.Summary summary = Shingles.summarize(counts);
        log.printf("eval: article, %s: %d pages in %.1f s, F1 %.3f%n", system, pages.size(), took, summary.f1());
        return new ArticleRun(system, summary, counts, empty, took);
    }

    private IdentityRun runIdentity(List<IdentityDocument> docs, IdentitySystem system, int nThreads) {
        long t0 = System.nanoTime();
        List<List<KeyedMention>> found = Parallel.map(docs, nThreads, system::keyedMentions);
        double took = seconds(t0);
        IdentityScorer scorer = new IdentityScorer();
        for (int d = 0; d < docs.size(); d++) {
            scorer.add(docs.get(d), found.get(d));
        }
        log.printf("eval: identity, %s: %d docs in %.1f s, B-cubed F1 %.1f, linking F1 %.1f%n", system.name(), docs.size(), took,
                100 * scorer.bCubed().f1(), 100 * scorer.linking().f1());
        return new IdentityRun(system.name(), scorer, took);
    }

    // ---- printing

    private void print(String date, Path dataDir, int nThreads) {
        out.printf("Newsflow extraction quality — %s — enrichment %s — data %s — %d thread(s), -Xmx %s%n", date,
                Enricher.version(), dataDir, nThreads, HeapMeter.mb(HeapMeter.max()));
        if (limit > 0 || baselineLimit > 0) {
            out.printf("Partial run: --limit %d%s (figures are not comparable with full runs)%n", limit,
                    baselineLimit > 0 ? ", --baseline-limit " + baselineLimit : "");
        }
        for (String set : nerSets()) {
            NerRun nf = nerRun(set, "newsflow");
            NerRun cn = nerRun(set, "corenlp");
            out.printf("%nNER %s: %d docs, %s tokens, %s gold entities (conlleval: exact span and type; P/R/F1 in %%)%n",
                    set, nf.docs(), num(nf.tokens()), num(nf.eval().overall().gold()));
            printLanguage(set);
            if (cn != null && cn.docs() != nf.docs()) {
                out.printf("  (baseline on the first %d docs only)%n", cn.docs());
            }
            TextTable t = new TextTable().header("type", "gold", "|", "Newsflow P", "R", "F1", "|", "CoreNLP P", "R", "F1", "|", "ΔF1");
            for (String type : CONLL_TYPES) {
                nerRow(t, type, nf.eval().type(type), cn == null ? null : cn.eval().type(type));
            }
            t.rule();
            nerRow(t, "overall", nf.eval().overall(), cn == null ? null : cn.eval().overall());
            out.print(t.render());
            out.println("  errors by gold type (spurious: by guessed type):");
            TextTable e = new TextTable().header("system", "type", "missed", "wrong type", "boundary", "bound.+type", "spurious");
            for (NerRun run : Stream.of(nf, cn).filter(Objects::nonNull).toList()) {
                for (String type : CONLL_TYPES) {
                    e.row(run.system(), type, num(run.diff().count(type, NerDiff.Kind.MISSED)),
                            num(run.diff().count(type, NerDiff.Kind.TYPE)), num(run.diff().count(type, NerDiff.Kind.BOUNDARY)),
                            num(run.diff().count(type, NerDiff.Kind.BOUNDARY_TYPE)), num(run.diff().count(type, NerDiff.Kind.SPURIOUS)));
                }
                e.rule();
            }
            out.print(e.render());
        }
        for (String set : timexSets()) {
            TimexRun nf = timexRun(set, "newsflow");
            TimexRun cn = timexRun(set, "corenlp");
            out.printf("%nTIMEX %s: %d docs, %d gold TIMEX3 (TempEval-3: exact then overlap pairing; P/R/F1 in %%)%n",
                    set, nf.docs(), nf.gold());
            if (cn != null && cn.docs() != nf.docs()) {
                out.printf("  (baseline on the first %d docs only)%n", cn.docs());
            }
            TextTable t = new TextTable().header("measure", "|", "Newsflow P", "R", "F1", "|", "CoreNLP P", "R", "F1", "|", "ΔF1");
            timexRow(t, "strict (exact span)", nf.scorer().strict(), cn == null ? null : cn.scorer().strict());
            timexRow(t, "relaxed (overlap)", nf.scorer().relaxed(), cn == null ? null : cn.scorer().relaxed());
            timexRow(t, "value", nf.scorer().value(), cn == null ? null : cn.scorer().value());
            t.rule();
            t.row("type accuracy (pairs)", "|", "", "", pct(nf.scorer().typeAccuracy()), "|", "", "",
                    cn == null ? "-" : pct(cn.scorer().typeAccuracy()), "|", "");
            t.row("system spans", "|", "", "", num(nf.scorer().strict().system()), "|", "", "",
                    cn == null ? "-" : num(cn.scorer().strict().system()), "|", "");
            out.print(t.render());
            out.println("  errors:");
            TextTable e = new TextTable().header("system", "missed", "spurious", "boundary only", "wrong value", "wrong type");
            for (TimexRun run : Stream.of(nf, cn).filter(Objects::nonNull).toList()) {
                int missed = 0;
                int spurious = 0;
                int boundary = 0;
                int value = 0;
                int type = 0;
                for (TimexScorer.DocumentResult r : run.scorer().documents()) {
                    missed += r.pairing().missed().size();
                    spurious += r.pairing().spurious().size();
                    for (TimexScorer.Pair p : r.pairing().pairs()) {
                        boundary += p.exact() ? 0 : 1;
                        value += Objects.equals(p.gold().value(), p.system().value()) ? 0 : 1;
                        type += Objects.equals(p.gold().type(), p.system().type()) ? 0 : 1;
                    }
                }
                e.row(run.system(), num(missed), num(spurious), num(boundary), num(value), num(type));
            }
            out.print(e.render());
        }
        if (!articleRuns.isEmpty()) {
            out.printf("%nArticle body: %d pages (article-extraction-benchmark: word 4-shingles, mean P and mean R over pages, F1 of the means)%n",
                    pages.size());
            TextTable t = new TextTable().header("system", "P", "R", "F1", "empty", "seconds");
            for (ArticleRun run : articleRuns) {
                t.row(articleLabel(run.system()), fixed(run.summary().precision(), 3), fixed(run.summary().recall(), 3),
                        fixed(run.summary().f1(), 3), num(run.empty()), fixed(run.seconds(), 1));
            }
            out.print(t.render());
        }
        printIdentity();
        if (!nerRuns.isEmpty()) {
            out.printf("%nSpeed on the NER texts (%d thread(s), gold token counts, after a warm-up; wall: elapsed time,"
                    + " CPU: CPU time of the whole JVM incl. GC, insensitive to other load on the machine)%n", nThreads);
            TextTable t = new TextTable().header("set", "tokens", "|", "Newsflow s", "tok/s", "tok/CPU-s", "|",
                    "CoreNLP s", "tok/s", "tok/CPU-s", "|", "ratio wall", "ratio CPU");
            for (String set : nerSets()) {
                speedRow(t, set, speed(List.of(set)));
            }
            List<String> summed = speedSummarySets();
            if (!summed.isEmpty()) {
                t.rule();
                speedRow(t, summed.size() == nerSets().size() ? "all" : "all English", speed(summed));
            }
            out.print(t.render());
        }
        out.println();
        out.println("Cost (live heap: retained after full GC once loaded; peak: heap in use during the runs, garbage included)");
        TextTable c = new TextTable().header("system", "load s", "live heap", "peak heap");
        for (SystemCost cost : costs) {
            c.row(cost.system(), fixed(cost.loadSeconds(), 1), HeapMeter.mb(cost.liveHeap()), HeapMeter.mb(cost.peakHeap()));
        }
        out.print(c.render());
        printComponents(nThreads);
        printTargets();
    }

    private void printIdentity() {
        IdentityRun nf = identityRun("newsflow");
        if (nf == null) {
            return;
        }
        IdentityRun cn = identityRun("corenlp");
        out.printf("%nEntity identity linking/wikipedia: %d docs, %s gold mentions with a title (B-cubed of the keys over the "
                + "units, a unit = one title's found mentions in one document; linking: link = true title; in %%)%n",
                nf.scorer().documents(), num(nf.scorer().goldMentions()));
        if (cn != null && cn.scorer().documents() != nf.scorer().documents()) {
            out.printf("  (baseline on the first %d docs only)%n", cn.scorer().documents());
        }
        TextTable t = new TextTable().header("system", "found", "units", "scored", "|", "B3 P", "R", "F1", "|",
                "link P", "R", "F1");
        for (IdentityRun run : Stream.of(nf, cn).filter(Objects::nonNull).toList()) {
            IdentityScorer.BCubed b = run.scorer().bCubed();
            IdentityScorer.Linking l = run.scorer().linking();
            t.row(identityLabel(run.system()), num(run.scorer().foundMentions()), num(b.units()), num(b.scoredUnits()), "|",
                    pct(b.precision()), pct(b.recall()), pct(b.f1()), "|",
                    l.linked() == 0 ? "-" : pct(l.precision()), l.linked() == 0 ? "-" : pct(l.recall()),
                    l.linked() == 0 ? "-" : pct(l.f1()));
        }
        out.print(t.render());
        if (cn != null && cn.scorer().documents() == nf.scorer().documents()) {
            out.println("  Issue 16 targets");
            TextTable g = new TextTable().header("target", "measured", "met");
            double delta = 100 * (nf.scorer().bCubed().f1() - cn.scorer().bCubed().f1());
            g.row("B-cubed F1 >= naive keys + 8", String.format(Locale.ROOT, "%+.1f", delta), delta >= 8 ? "yes" : "NO");
            target(g, "linking precision >= 90", 100 * nf.scorer().linking().precision(), 90);
            target(g, "linking F1 >= 75", 100 * nf.scorer().linking().f1(), 75);
            out.print(g.render());
        }
    }

    private static String identityLabel(String system) {
        return switch (system) {
            case "newsflow" -> "Newsflow (enricher, en, clean=false)";
            case "corenlp" -> "CoreNLP naive keys (type + lower-cased text)";
            default -> system;
        };
    }

    private IdentityRun identityRun(String system) {
        return identityRuns.stream().filter(r -> r.system().equals(system)).findFirst().orElse(null);
    }

    /** For a set in another language than English: its language and the stock model beside Newsflow. */
    private void printLanguage(String set) {
        String language = nerLanguages.get(set);
        if (language.equals("en")) {
            return;
        }
        StockNer stock = stockNer.get(language);
        out.printf("  language %s (from the file name, given to the enricher as the article's language); CoreNLP: %s%n", language,
                stock == null ? "not run" : stock.model() == null ? "no stock model" : "stock " + stock.model()
                        + " (tokenize,ssplit,ner of its StanfordCoreNLP-<language>.properties, "
                        + (language.equals("zh") ? "its own word segmentation)" : "gold tokens)"));
        if (language.equals("zh")) {
            out.println("  tokens are characters: both systems get each sentence's characters joined without spaces and segment"
                    + " words themselves; scored on characters");
        }
    }

    /**
     * The sets the "all" speed row sums: all of them when they share one language, else the English ones (the stock
     * pipelines of different languages do not add up to one baseline).
     */
    private List<String> speedSummarySets() {
        List<String> sets = nerSets();
        if (sets.stream().map(nerLanguages::get).distinct().count() <= 1) {
            return sets;
        }
        return englishSets();
    }

    private List<String> englishSets() {
        return nerSets().stream().filter(set -> nerLanguages.get(set).equals("en")).toList();
    }

    /**
     * Each part alone, as a ratio to the stock pipeline (measured last, with {@code --baseline}): the best any system
     * built on it could do.
     */
    private void printComponents(int nThreads) {
        if (componentRuns.isEmpty()) {
            return;
        }
        ComponentSpeed.Run stock = baseline ? componentRuns.get(componentRuns.size() - 1) : null;
        out.printf("%nSpeed by component on the NER texts (%d thread(s), each part alone, tokens per CPU-second of the whole "
                + "JVM; x: throughput relative to the stock pipeline)%n", nThreads);
        TextTable t = new TextTable().header("component", "CPU s", "tok/CPU-s", "x stock");
        for (ComponentSpeed.Run run : componentRuns) {
            t.row(run.component(), fixed(run.cpuSeconds(), 1), num(Math.round(run.tokensPerCpuSecond())),
                    stock == null ? "-" : fixed(run.tokensPerCpuSecond() / stock.tokensPerCpuSecond(), 1));
        }
        out.print(t.render());
    }

    private void printTargets() {
        out.println();
        out.println("Issue 6 targets");
        TextTable t = new TextTable().header("target", "measured", "met");
        NerRun wiki = nerRun("wikigold", "newsflow");
        if (wiki != null) {
            target(t, "NER F1 wikigold >= 73", 100 * wiki.eval().overall().f1(), 73);
        }
        NerRun gum = nerRun("gum_wikinews", "newsflow");
        if (gum != null) {
            target(t, "NER F1 gum_wikinews >= 71", 100 * gum.eval().overall().f1(), 71);
        }
        for (String set : nerSets()) {
            NerRun nf = nerRun(set, "newsflow");
            NerRun cn = nerRun(set, "corenlp");
            if (cn != null && cn.docs() == nf.docs()) {
                double delta = 100 * (nf.eval().overall().f1() - cn.eval().overall().f1());
                t.row("NER F1 above stock CoreNLP, " + set, String.format(Locale.ROOT, "%+.1f", delta), delta > 0 ? "yes" : "NO");
            }
        }
        TimexRun mt = timexRun("meantime_en", "newsflow");
        if (mt != null) {
            target(t, "TIMEX relaxed F1 >= 92", 100 * mt.scorer().relaxed().f1(), 92);
            target(t, "TIMEX value F1 >= 82", 100 * mt.scorer().value().f1(), 82);
        }
        articleRuns.stream().filter(r -> r.system().equals("newsflow")).findFirst()
                .ifPresent(r -> t.row("article body F1 >= 0.95", fixed(r.summary().f1(), 3), r.summary().f1() >= 0.95 ? "yes" : "NO"));
        Speed all = speed(englishSets()); // issue 6's target is against the English pipeline
        if (all.cnTokens() > 0) {
            t.row("speed >= 20x stock CoreNLP (wall clock)", fixed(all.ratioWall(), 1) + "x", all.ratioWall() >= 20 ? "yes" : "NO");
            t.row("speed >= 20x stock CoreNLP (CPU time)", fixed(all.ratioCpu(), 1) + "x", all.ratioCpu() >= 20 ? "yes" : "NO");
        }
        out.print(t.render());
    }

    private static void target(TextTable t, String label, double measured, double target) {
        t.row(label, fixed(measured, 1), measured >= target ? "yes" : "NO");
    }

    /** Throughput of both systems on the NER texts of these sets. */
    record Speed(long nfTokens, double nfWall, double nfCpu, long cnTokens, double cnWall, double cnCpu) {

        static double rate(long tokens, double seconds) {
            return seconds > 0 ? tokens / seconds : 0;
        }

        double ratioWall() {
            double cn = rate(cnTokens, cnWall);
            return cn > 0 ? rate(nfTokens, nfWall) / cn : 0;
        }

        double ratioCpu() {
            double cn = rate(cnTokens, cnCpu);
            return cn > 0 ? rate(nfTokens, nfCpu) / cn : 0;
        }
    }

    private Speed speed(List<String> sets) {
        long nfTokens = 0;
        double nfWall = 0;
        double nfCpu = 0;
        long cnTokens = 0;
        double cnWall = 0;
        double cnCpu = 0;
        for (NerRun r : nerRuns) {
            if (!sets.contains(r.set())) {
                continue;
            }
            if (r.system().equals("newsflow")) {
                nfTokens += r.tokens();
                nfWall += r.seconds();
                nfCpu += r.cpuSeconds();
            } else {
                cnTokens += r.tokens();
                cnWall += r.seconds();
                cnCpu += r.cpuSeconds();
            }
        }
        return new Speed(nfTokens, nfWall, nfCpu, cnTokens, cnWall, cnCpu);
    }

    private static String articleLabel(String system) {
        return switch (system) {
            case "newsflow" -> "Newsflow (enricher, html, clean=true)";
            case "html-main-text" -> "Newsflow HtmlMainText alone (no line cleaning)";
            case "full-page-text" -> "full page text (jsoup body text)";
            default -> system;
        };
    }

    private static void nerRow(TextTable t, String label, Prf nf, Prf cn) {
        t.row(label, num(nf.gold()), "|", pct(nf.precision()), pct(nf.recall()), pct(nf.f1()), "|",
                cn == null ? "-" : pct(cn.precision()), cn == null ? "-" : pct(cn.recall()), cn == null ? "-" : pct(cn.f1()), "|",
                cn == null ? "-" : String.format(Locale.ROOT, "%+.1f", 100 * (nf.f1() - cn.f1())));
    }

    private static void timexRow(TextTable t, String label, Prf nf, Prf cn) {
        t.row(label, "|", pct(nf.precision()), pct(nf.recall()), pct(nf.f1()), "|",
                cn == null ? "-" : pct(cn.precision()), cn == null ? "-" : pct(cn.recall()), cn == null ? "-" : pct(cn.f1()), "|",
                cn == null ? "-" : String.format(Locale.ROOT, "%+.1f", 100 * (nf.f1() - cn.f1())));
    }

    private static void speedRow(TextTable t, String label, Speed s) {
        boolean cn = s.cnTokens() > 0;
        t.row(label, num(s.nfTokens()), "|", fixed(s.nfWall(), 1), num(Math.round(Speed.rate(s.nfTokens(), s.nfWall()))),
                num(Math.round(Speed.rate(s.nfTokens(), s.nfCpu()))), "|",
                cn ? fixed(s.cnWall(), 1) : "-", cn ? num(Math.round(Speed.rate(s.cnTokens(), s.cnWall()))) : "-",
                cn ? num(Math.round(Speed.rate(s.cnTokens(), s.cnCpu()))) : "-", "|",
                cn ? fixed(s.ratioWall(), 1) + "x" : "-", cn ? fixed(s.ratioCpu(), 1) + "x" : "-");
    }

    private List<String> nerSets() {
        return nerRuns.stream().filter(r -> r.system().equals("newsflow")).map(NerRun::set).toList();
    }

    private List<String> timexSets() {
        return timexRuns.stream().filter(r -> r.system().equals("newsflow")).map(TimexRun::set).toList();
    }

    private NerRun nerRun(String set, String system) {
        return nerRuns.stream().filter(r -> r.set().equals(set) && r.system().equals(system)).findFirst().orElse(null);
    }

    private TimexRun timexRun(String set, String system) {
        return timexRuns.stream().filter(r -> r.set().equals(set) && r.system().equals(system)).findFirst().orElse(null);
    }

    // ---- JSON

    private void writeJson(String date, Path dataDir, int nThreads) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", date);
        root.put("enrichmentVersion", Enricher.version());
        root.put("data", dataDir.toString());
        root.put("threads", nThreads);
        root.put("maxHeapBytes", HeapMeter.max());
        root.put("limit", limit);
        root.put("baselineLimit", baselineLimit);
        Map<String, Object> nerJson = new LinkedHashMap<>();
        for (NerRun run : nerRuns) {
            Map<String, Object> sys = new LinkedHashMap<>();
            sys.put("docs", run.docs());
            sys.put("tokens", run.tokens());
            sys.put("seconds", run.seconds());
            sys.put("tokensPerSecond", Speed.rate(run.tokens(), run.seconds()));
            sys.put("cpuSeconds", run.cpuSeconds());
            sys.put("tokensPerCpuSecond", Speed.rate(run.tokens(), run.cpuSeconds()));
            sys.put("tokenAccuracy", run.eval().tokenAccuracy());
            sys.put("overall", prf(run.eval().overall()));
            Map<String, Object> types = new LinkedHashMap<>();
            for (String type : CONLL_TYPES) {
                types.put(type, prf(run.eval().type(type)));
            }
            sys.put("types", types);
            Map<String, Object> errs = new LinkedHashMap<>();
            for (String type : CONLL_TYPES) {
                Map<String, Object> kinds = new LinkedHashMap<>();
                for (NerDiff.Kind kind : NerDiff.Kind.values()) {
                    kinds.put(kind.name().toLowerCase(Locale.ROOT), run.diff().count(type, kind));
                }
                errs.put(type, kinds);
            }
            sys.put("errors", errs);
            child(nerJson, run.set()).put(run.system(), sys);
        }
        root.put("ner", nerJson);
        Map<String, Object> languagesJson = new LinkedHashMap<>();
        for (String set : nerSets()) {
            Map<String, Object> l = new LinkedHashMap<>();
            String language = nerLanguages.get(set);
            l.put("language", language);
            StockNer stock = stockNer.get(language);
            l.put("stockModel", !baseline ? null : language.equals("en") ? "english (tokenize,ssplit,pos,lemma,ner)"
                    : Objects.requireNonNullElse(stock.model(), "none"));
            languagesJson.put(set, l);
        }
        root.put("nerLanguages", languagesJson);
        Map<String, Object> timexJson = new LinkedHashMap<>();
        for (TimexRun run : timexRuns) {
            Map<String, Object> sys = new LinkedHashMap<>();
            sys.put("docs", run.docs());
            sys.put("seconds", run.seconds());
            sys.put("strict", prf(run.scorer().strict()));
            sys.put("relaxed", prf(run.scorer().relaxed()));
            sys.put("value", prf(run.scorer().value()));
            sys.put("typeAccuracy", run.scorer().typeAccuracy());
            child(timexJson, run.set()).put(run.system(), sys);
        }
        root.put("timex", timexJson);
        Map<String, Object> articleJson = new LinkedHashMap<>();
        for (ArticleRun run : articleRuns) {
            Map<String, Object> sys = new LinkedHashMap<>();
            sys.put("pages", run.summary().pages());
            sys.put("precision", run.summary().precision());
            sys.put("recall", run.summary().recall());
            sys.put("f1", run.summary().f1());
            sys.put("emptyOutputs", run.empty());
            sys.put("seconds", run.seconds());
            articleJson.put(run.system(), sys);
        }
        root.put("article", articleJson);
        Map<String, Object> identityJson = new LinkedHashMap<>();
        for (IdentityRun run : identityRuns) {
            Map<String, Object> sys = new LinkedHashMap<>();
            IdentityScorer.BCubed b = run.scorer().bCubed();
            IdentityScorer.Linking l = run.scorer().linking();
            sys.put("docs", run.scorer().documents());
            sys.put("goldMentions", run.scorer().goldMentions());
            sys.put("foundMentions", run.scorer().foundMentions());
            sys.put("units", b.units());
            sys.put("scoredUnits", b.scoredUnits());
            sys.put("bCubed", Map.of("precision", b.precision(), "recall", b.recall(), "f1", b.f1()));
            Map<String, Object> linking = new LinkedHashMap<>();
            linking.put("precision", l.precision());
            linking.put("recall", l.recall());
            linking.put("f1", l.f1());
            linking.put("linked", l.linked());
            linking.put("rightLinks", l.rightLinks());
            linking.put("goldLinkedRight", l.goldLinkedRight());
            sys.put("linking", linking);
            sys.put("seconds", run.seconds());
            identityJson.put(run.system(), sys);
        }
        root.put("identity", identityJson);
        Map<String, Object> cost = new LinkedHashMap<>();
        for (SystemCost c : costs) {
            cost.put(c.system(), Map.of("loadSeconds", c.loadSeconds(), "liveHeapBytes", c.liveHeap(), "peakHeapBytes", c.peakHeap()));
        }
        root.put("cost", cost);
        List<String> summed = speedSummarySets();
        Speed all = speed(summed);
        Map<String, Object> speedJson = new LinkedHashMap<>();
        speedJson.put("sets", summed);
        speedJson.put("newsflowTokensPerSecond", Speed.rate(all.nfTokens(), all.nfWall()));
        speedJson.put("newsflowTokensPerCpuSecond", Speed.rate(all.nfTokens(), all.nfCpu()));
        speedJson.put("corenlpTokensPerSecond", all.cnTokens() > 0 ? Speed.rate(all.cnTokens(), all.cnWall()) : null);
        speedJson.put("corenlpTokensPerCpuSecond", all.cnTokens() > 0 ? Speed.rate(all.cnTokens(), all.cnCpu()) : null);
        speedJson.put("ratioWall", all.cnTokens() > 0 ? all.ratioWall() : null);
        speedJson.put("ratioCpu", all.cnTokens() > 0 ? all.ratioCpu() : null);
        if (!componentRuns.isEmpty()) {
            speedJson.put("components", componentRuns); // records: component, cpuSeconds, tokensPerCpuSecond
        }
        root.put("speed", speedJson);
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static Map<String, Object> prf(Prf prf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", prf.precision());
        m.put("recall", prf.recall());
        m.put("f1", prf.f1());
        m.put("correct", prf.correct());
        m.put("system", prf.system());
        m.put("gold", prf.gold());
        return m;
    }

    // ---- error listings

    private void writeErrors() throws IOException {
        Files.createDirectories(errors);
        for (NerRun run : nerRuns) {
            try (PrintWriter w = writer("ner-" + run.set() + "-" + run.system() + ".tsv")) {
                w.println("doc\tkind\tgold_type\tgold\tsystem_type\tsystem\tsentence");
                for (NerDiff.Error e : run.diff().errors()) {
                    w.println(String.join("\t", e.documentId(), e.kind().name(), e.goldType(), e.gold(), e.systemType(), e.system(),
                            e.sentence()));
                }
            }
        }
        for (TimexRun run : timexRuns) {
            try (PrintWriter w = writer("timex-" + run.set() + "-" + run.system() + ".tsv")) {
                w.println("doc\tkind\tgold\tgold_type\tgold_value\tsystem\tsystem_type\tsystem_value\tline");
                for (TimexScorer.DocumentResult r : run.scorer().documents()) {
                    for (TimexScorer.Pair p : r.pairing().pairs()) {
                        boolean valueOk = Objects.equals(p.gold().value(), p.system().value());
                        boolean typeOk = Objects.equals(p.gold().type(), p.system().type());
                        String kind = p.exact() ? (valueOk ? (typeOk ? "OK" : "TYPE") : "VALUE")
                                : (valueOk ? "BOUNDARY" : "BOUNDARY+VALUE");
                        timexLine(w, r, kind, p.gold(), p.system());
                    }
                    for (TimexSpan g : r.pairing().missed()) {
                        timexLine(w, r, "MISSED", g, null);
                    }
                    for (TimexSpan s : r.pairing().spurious()) {
                        timexLine(w, r, "SPURIOUS", null, s);
                    }
                }
            }
        }
        writeIdentityErrors();
        for (ArticleRun run : articleRuns) {
            try (PrintWriter w = writer("article-" + run.system() + ".tsv")) {
                w.println("id\tprecision\trecall\turl");
                for (int i = 0; i < pages.size(); i++) {
                    Shingles.Counts c = run.pages().get(i);
                    w.printf(Locale.ROOT, "%s\t%.3f\t%.3f\t%s%n", pages.get(i).id(), c.precision(), c.recall(), pages.get(i).url());
                }
            }
        }
    }

    /** One line per unit: its title and key, how many units share each, its B-cubed P and R (blank: not scored). */
    private void writeIdentityErrors() throws IOException {
        for (IdentityRun run : identityRuns) {
            try (PrintWriter w = writer("identity-" + run.system() + ".tsv")) {
                w.println("doc\ttitle\tkey\tsame_title\tsame_key\tsame_both\tprecision\trecall\tmentions");
                for (IdentityScorer.ScoredUnit s : run.scorer().scoredUnits()) {
                    w.printf(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s%n", s.unit().document(), s.unit().title(),
                            s.unit().key(), s.sameTitle(), s.sameKey(), s.sameBoth(),
                            s.scored() ? String.format(Locale.ROOT, "%.3f", s.precision()) : "",
                            s.scored() ? String.format(Locale.ROOT, "%.3f", s.recall()) : "",
                            String.join(" | ", s.unit().mentions()));
                }
            }
            // one line per gold mention: not found, found but unlinked, linked right or linked elsewhere
            try (PrintWriter w = writer("identity-mentions-" + run.system() + ".tsv")) {
                w.println("doc\tstart\tend\tmention\ttitle\toutcome\toutput (text, key, link)");
                for (IdentityScorer.GoldOutcome o : run.scorer().outcomes()) {
                    IdentityDocument.GoldMention g = o.gold();
                    String text = identityText(o.document());
                    w.printf(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%s\t%s%n", o.document(), g.start(), g.end(), g.text(), g.title(),
                            outcome(o), o.overlapping().stream()
                                    .map(m -> text.substring(m.start(), m.end()) + " ; " + m.key() + " ; " + (m.link() == null ? "" : m.link()))
                                    .collect(Collectors.joining(" | ")));
                }
            }
        }
    }

    private static String outcome(IdentityScorer.GoldOutcome o) {
        if (o.overlapping().isEmpty()) {
            return "not-found";
        }
        if (o.overlapping().stream().anyMatch(m -> o.gold().title().equals(m.link()))) {
            return "linked-right";
        }
        return o.overlapping().stream().anyMatch(m -> m.link() != null) ? "linked-elsewhere" : "unlinked";
    }

    private String identityText(String document) {
        return identityDocs.stream().filter(d -> d.id().equals(document)).findFirst().orElseThrow().text();
    }

    private static void timexLine(PrintWriter w, TimexScorer.DocumentResult r, String kind, TimexSpan gold, TimexSpan system) {
        TimexSpan at = gold != null ? gold : system;
        String text = r.text();
        int lineStart = text.lastIndexOf('\n', Math.max(0, at.start() - 1)) + 1;
        int lineEnd = text.indexOf('\n', at.end());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        w.println(String.join("\t", r.documentId(), kind,
                gold == null ? "" : gold.text(), gold == null ? "" : String.valueOf(gold.type()), gold == null ? "" : String.valueOf(gold.value()),
                system == null ? "" : system.text(), system == null ? "" : String.valueOf(system.type()),
                system == null ? "" : String.valueOf(system.value()), line));
    }

    private PrintWriter writer(String name) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(errors.resolve(name), StandardCharsets.UTF_8));
    }

    // ---- helpers

    /**
     * {@code ../shared/eval} next to the repository root: the first folder, from the working directory up, that holds
     * the root {@code pom.xml} with the {@code enrichment} and {@code eval} modules.
     */
    static Path defaultData() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("enrichment"))
                    && Files.isDirectory(dir.resolve("eval"))) {
                return dir.resolve("../shared/eval").normalize();
            }
        }
        return cwd.resolve("../shared/eval").normalize();
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("missing folder " + dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted().toList();
        }
    }

    private static <T> List<T> limit(List<T> items, int n) {
        return n > 0 && items.size() > n ? List.copyOf(items.subList(0, n)) : items;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
