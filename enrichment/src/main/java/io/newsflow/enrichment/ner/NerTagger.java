package io.newsflow.enrichment.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.events.EntityType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Named entities with Stanford's 4-class CoNLL CRF (PERSON, ORGANIZATION, LOCATION, MISC), loaded once from the
 * models jar. Sentences go through {@link CRFClassifier#classifySentence}, which applies the classifier's own
 * preprocessing (word shapes etc.); calling {@code classify()} directly would skip it and lose accuracy.
 *
 * <p>Thread-safe: the classifier is read-only after loading (CoreNLP shares it between threads too).
 */
public final class NerTagger {

    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private final CRFClassifier<CoreLabel> classifier;

    public NerTagger() {
        try {
            this.classifier = CRFClassifier.getClassifier(MODEL);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the NER model " + MODEL + " (is stanford-corenlp:models on the classpath?)", e);
        }
    }

    /**
     * Tags one tokenized sentence of {@code segment}.
     *
     * @param tokens tokens whose character offsets index {@code segment}
     * @param offset where {@code segment} starts in the article text; mentions are shifted by it
     */
    public List<RawMention> tag(List<CoreLabel> tokens, String segment, int offset) {
        List<CoreLabel> labelled = classifier.classifySentence(tokens);
        List<RawMention> mentions = new ArrayList<>();
        EntityType current = null;
        int start = -1;
        int end = -1;
        for (CoreLabel token : labelled) {
            EntityType type = typeOf(token.get(CoreAnnotations.AnswerAnnotation.class));
            // the model has no B-/I- tags: adjacent tokens of one type form one mention
            if (type != current && current != null) {
                mentions.add(mention(current, segment, start, end, offset));
            }
            if (type != null && type != current) {
                start = token.beginPosition();
            }
            if (type != null) {
                end = token.endPosition();
            }
            current = type;
        }
        if (current != null) {
            mentions.add(mention(current, segment, start, end, offset));
        }
        return mentions;
    }

    private static RawMention mention(EntityType type, String segment, int start, int end, int offset) {
        return new RawMention(type, segment.substring(start, end), offset + start, offset + end);
    }

    /** CoNLL labels as the model spells them (PERSON...) or in their short form (PER...). */
    static EntityType typeOf(String label) {
        if (label == null) {
            return null;
        }
        return switch (label) {
            case "PERSON", "PER", "B-PER", "I-PER" -> EntityType.PERSON;
            case "ORGANIZATION", "ORG", "B-ORG", "I-ORG" -> EntityType.ORGANIZATION;
            case "LOCATION", "LOC", "B-LOC", "I-LOC" -> EntityType.LOCATION;
            case "MISC", "B-MISC", "I-MISC" -> EntityType.MISC;
            default -> null;
        };
    }
}
