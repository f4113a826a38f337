package io.newsflow.eval;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.enrichment.Enricher;
import io.newsflow.enrichment.Sentences;
import io.newsflow.enrichment.dates.DateTagger;
import io.newsflow.enrichment.linking.WikipediaLinking;
import io.newsflow.enrichment.ner.NerModel;
import io.newsflow.enrichment.ner.NerTagger;
import io.newsflow.enrichment.text.LanguageDetection;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.util.CpuClock;
import io.newsflow.eval.util.Parallel;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The throughput of each part of the enrichment on its own, on the NER texts, next to the stock CoreNLP pipeline
 * in the same process: where the time goes, and how fast an enrichment built on a given part could be at best
 * (tokenizing plus one CRF pass is a floor for any enrichment that uses that CRF).
 */
final class ComponentSpeed {

    /** One measured part: tokens of the texts per CPU-second of the whole JVM. */
    record Run(String component, double cpuSeconds, double tokensPerCpuSecond) {
    }

    private final List<ConllDocument> docs;
    private final long tokens;
    private final int threads;
    private final PrintStream log;

    ComponentSpeed(List<ConllDocument> docs, int threads, PrintStream log) {
        this.docs = docs;
        this.tokens = docs.stream().mapToLong(ConllDocument::tokenCount).sum();
        this.threads = threads;
        this.log = log;
    }

    /**
     * Measures every part, then (with {@code stock}) the stock pipeline. Each part is built, warmed up by one
     * untimed pass and measured in a method of its own, so that its models are garbage by the next one
     * and no part runs with another's heap in the way.
     */
    List<Run> measure(boolean stock) {
        List<Run> runs = new ArrayList<>();
        Sentences sentences = new Sentences();
        runs.add(time("tokenize + ssplit", doc -> sentences.split(doc.text())));
        for (String model : NerTagger.DEFAULT_MODELS) {
            runs.add(timeNer("tokenize + CRF " + shortName(model), sentences, List.of(model)));
        }
        runs.add(timeNer("tokenize + both CRFs (Newsflow's NER)", sentences, NerTagger.DEFAULT_MODELS));
        runs.add(timeDates(sentences));
        LanguageDetection.load();
        runs.add(time("language (Lingua)", doc -> LanguageDetection.detect(null, doc.text())));
        runs.add(timeNewsflow());
        WikipediaLinking linking = WikipediaLinking.fromEnvironment();
        if (linking.enabled()) {
            // the same enrichment without Wikipedia linking, in this process: what linking costs
            runs.add(timeNewsflow("Newsflow enrichment, Wikipedia linking off", new Enricher(Clock.systemUTC(), Enricher.Limits.DEFAULT,
                    Set.of("en"), NerModel.modelsDirFromEnvironment(), new WikipediaLinking(false, linking.index()))));
        }
        if (stock) {
            runs.add(timeStock());
        }
        return runs;
    }

    private Run timeNer(String component, Sentences sentences, List<String> models) {
        NerTagger ner = new NerTagger(models, NerTagger.Combination.NORMAL);
        return time(component, doc -> tagAll(sentences, ner, doc.text()));
    }

    private Run timeDates(Sentences sentences) {
        DateTagger dates = new DateTagger();
        return time("tokenize + dates (SUTime on windows)", doc -> dateAll(sentences, dates, doc.text()));
    }

    private Run timeNewsflow() {
        return timeNewsflow("Newsflow enrichment, all of it", new Enricher());
    }

    private Run timeNewsflow(String component, Enricher enricher) {
        NewsflowExtractor newsflow = new NewsflowExtractor(enricher);
        return time(component, newsflow::entities);
    }

    private Run timeStock() {
        CoreNlpBaseline stock = new CoreNlpBaseline();
        stock.loadNer();
        return time("stock CoreNLP pipeline", stock::entities);
    }

    private Run time(String component, Function<ConllDocument, ?> work) {
        System.gc(); // the previous part's models and garbage are not this part's cost
        Parallel.map(docs, threads, work); // untimed: the JIT compiles the part's hot paths (see EvalCommand.warmUp)
        long cpu0 = CpuClock.processNanos();
        Parallel.map(docs, threads, work);
        double cpu = (CpuClock.processNanos() - cpu0) / 1e9;
        log.printf("eval: component %s: %.1f CPU s%n", component, cpu);
        return new Run(component, cpu, tokens / cpu);
    }

    private static int tagAll(Sentences sentences, NerTagger ner, String text) {
        int n = 0;
        for (CoreMap sentence : sentences.split(text)) {
            n += ner.tag(sentence.get(CoreAnnotations.TokensAnnotation.class), text, 0).size();
        }
        return n;
    }

    private static int dateAll(Sentences sentences, DateTagger dates, String text) {
        int n = 0;
        for (CoreMap sentence : sentences.split(text)) {
            if (DateTagger.mayHaveTime(sentence.get(CoreAnnotations.TextAnnotation.class))) {
                n += dates.tag(sentence, text, 0, null).dates().size();
            }
        }
        return n;
    }

    private static String shortName(String model) {
        return model.substring(model.lastIndexOf('/') + 1).replace(".distsim.crf.ser.gz", "");
    }
}
