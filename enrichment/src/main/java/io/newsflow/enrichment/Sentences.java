package io.newsflow.enrichment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.util.CoreMap;

import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's tokenizer and sentence splitter of one language (thread-safe; built once, shared by NER and dates).
 * English by default; another language with the tokenizer properties of its {@code NerModel}.
 */
public final class Sentences {

    private final TokenizerAnnotator tokenizer;
    private final WordsToSentencesAnnotator splitter;

    /** English. */
    public Sentences() {
        // hyphenated words stay whole ("al-Sarraj", "Abdul-Fattah"), as in the CoNLL data the CRF was trained on
        tokenizer = new TokenizerAnnotator(false, "en", "splitHyphenated=false");
        splitter = new WordsToSentencesAnnotator(false);
    }

    /**
     * @param properties CoreNLP's {@code tokenize.*} (and, for Chinese, {@code segment.*}) and {@code ssplit.*}
     *                   settings, as in the {@code StanfordCoreNLP-<language>.properties} of the models jar
     */
    public Sentences(Properties properties) {
        tokenizer = new TokenizerAnnotator(false, properties);
        splitter = new WordsToSentencesAnnotator(properties);
    }

    /** Sentences of a segment; token offsets index the segment. */
    public List<CoreMap> split(String segment) {
        Annotation annotation = new Annotation(segment);
        tokenizer.annotate(annotation);
        if (!annotation.containsKey(CoreAnnotations.SentencesAnnotation.class)) {
            splitter.annotate(annotation); // CoreNLP 4.5+ tokenizers split sentences themselves; older ones do not
        }
        return annotation.get(CoreAnnotations.SentencesAnnotation.class);
    }
}
