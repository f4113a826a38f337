package io.newsflow.enrichment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.util.CoreMap;

import java.util.List;

/** CoreNLP's English tokenizer and sentence splitter (thread-safe; built once, shared by NER and dates). */
public final class Sentences {

    // hyphenated words stay whole ("al-Sarraj", "Abdul-Fattah"), as in the CoNLL data the CRF was trained on
    private final TokenizerAnnotator tokenizer = new TokenizerAnnotator(false, "en", "splitHyphenated=false");
    private final WordsToSentencesAnnotator splitter = new WordsToSentencesAnnotator(false);

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
