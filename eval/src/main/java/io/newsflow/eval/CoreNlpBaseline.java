package io.newsflow.eval;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import io.newsflow.eval.identity.IdentityDocument;
import io.newsflow.eval.identity.IdentitySystem;
import io.newsflow.eval.identity.KeyedMention;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.Span;
import io.newsflow.eval.timex.TimexSpan;
import io.newsflow.eval.timex.TmlDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The stock CoreNLP English pipeline, {@code tokenize,ssplit,pos,lemma,ner} with its defaults (three CRF models,
 * fine-grained rules, SUTime inside). Two instances of it: for NER the tokenizer splits on whitespace only and
 * sentences end at line ends ({@code tokenize.whitespace}, {@code ssplit.eolonly}), so its tokens are the gold
 * tokens; for TIMEX the default tokenizer with a newline as a sentence break, and the DCT as document date. The
 * identity texts go through the TIMEX instance too (raw text, no date), keyed naively: type and lower-cased text.
 * CoreNLP shares the POS and NER models of the two through its annotator pool. Built lazily (≈30 s, ≈1.5 GB).
 */
public final class CoreNlpBaseline implements Extractor, IdentitySystem {

    private static final Set<String> TIMEX_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");

    private volatile StanfordCoreNLP nerPipeline;
    private volatile StanfordCoreNLP timexPipeline;

    @Override
    public String name() {
        return "corenlp";
    }

    /** Loads the NER pipeline now (to time model loading apart from tagging). */
    public void loadNer() {
        ner();
    }

    /** Loads the TIMEX pipeline now. */
    public void loadTimex() {
        timex();
    }

    private StanfordCoreNLP ner() {
        if (nerPipeline == null) {
            synchronized (this) {
                if (nerPipeline == null) {
                    Properties p = base();
                    p.setProperty("tokenize.whitespace", "true");
                    p.setProperty("ssplit.eolonly", "true");
                    nerPipeline = new StanfordCoreNLP(p);
                }
            }
        }
        return nerPipeline;
    }

    private StanfordCoreNLP timex() {
        if (timexPipeline == null) {
            synchronized (this) {
                if (timexPipeline == null) {
                    Properties p = base();
                    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
                    timexPipeline = new StanfordCoreNLP(p);
                }
            }
        }
        return timexPipeline;
    }

    private static Properties base() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("tokenize.language", "en");
        return p;
    }

    @Override
    public List<Span> entities(ConllDocument document) {
        Annotation annotation = new Annotation(document.text());
        ner().annotate(annotation);
        return entitySpans(annotation, CoreNlpBaseline::conllType);
    }

    /**
     * The entity spans of an annotated text: each run of tokens of one sentence whose labels map to the same CoNLL
     * type is one span, from its first token's begin to its last token's end (character offsets in the text).
     *
     * @param conllType a model's label as a CoNLL type, null for none
     */
    static List<Span> entitySpans(Annotation annotation, UnaryOperator<String> conllType) {
        List<Span> spans = new ArrayList<>();
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            String current = null;
            int start = -1;
            int end = -1;
            for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                String type = conllType.apply(token.ner());
                if (current != null && !current.equals(type)) {
                    spans.add(new Span(start, end, current));
                    current = null;
                }
                if (type != null) {
                    if (current == null) {
                        start = token.beginPosition();
                        current = type;
                    }
                    end = token.endPosition();
                }
            }
            if (current != null) {
                spans.add(new Span(start, end, current));
            }
        }
        return spans;
    }

    /**
     * The naive keys of stock CoreNLP: each entity span (CoNLL type, {@link #entitySpans}) keyed by its type and its
     * lower-cased text ({@code LOC:united states}); nothing is linked.
     */
    @Override
    public List<KeyedMention> keyedMentions(IdentityDocument document) {
        Annotation annotation = new Annotation(document.text());
        timex().annotate(annotation);
        List<KeyedMention> mentions = new ArrayList<>();
        for (Span span : entitySpans(annotation, CoreNlpBaseline::conllType)) {
            String text = document.text().substring(span.start(), span.end());
            mentions.add(new KeyedMention(span.start(), span.end(), naiveKey(span.type(), text), null));
        }
        return mentions;
    }

    static String naiveKey(String type, String text) {
        return type + ":" + text.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<TimexSpan> timexes(TmlDocument document) {
        Annotation annotation = new Annotation(document.text());
        if (document.dct() != null) {
            annotation.set(CoreAnnotations.DocDateAnnotation.class, document.dct());
        }
        timex().annotate(annotation);
        List<TimexSpan> spans = new ArrayList<>();
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            Timex current = null;
            int start = -1;
            int end = -1;
            for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                Timex timex = TIMEX_TAGS.contains(token.ner()) ? token.get(TimeAnnotations.TimexAnnotation.class) : null;
                if (current != null && timex != current) {
                    spans.add(span(document.text(), start, end, current));
                    current = null;
                }
                if (timex != null) {
                    if (current == null) {
                        start = token.beginPosition();
                        current = timex;
                    }
                    end = token.endPosition();
                }
            }
            if (current != null) {
                spans.add(span(document.text(), start, end, current));
            }
        }
        return spans;
    }

    private static TimexSpan span(String text, int start, int end, Timex timex) {
        return new TimexSpan(start, end, timex.timexType(), timex.value(), text.substring(start, end));
    }

    /**
     * CoreNLP's (fine-grained) NER tags as CoNLL types; numeric, temporal and the other KBP classes (TITLE,
     * CAUSE_OF_DEATH, CRIMINAL_CHARGE, URL, EMAIL...) are not CoNLL entities.
     */
    static String conllType(String ner) {
        if (ner == null) {
            return null;
        }
        return switch (ner) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> "LOC";
            case "MISC", "NATIONALITY", "RELIGION", "IDEOLOGY" -> "MISC";
            default -> null;
        };
    }
}
