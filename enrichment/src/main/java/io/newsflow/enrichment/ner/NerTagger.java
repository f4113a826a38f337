package io.newsflow.enrichment.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.events.EntityType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Named entities with Stanford CRF models combined the way CoreNLP's own NER combines them
 * ({@code ClassifierCombiner}): the models run in order on the same sentence, the first model's labels win, and a
 * later model only fills an entity chunk (adjacent tokens with one label) whose tokens all the earlier models
 * left O. Default: {@link #ALL_3CLASS} (PERSON, ORGANIZATION, LOCATION; trained on more data than CoNLL alone)
 * first, then {@link #CONLL_4CLASS} for MISC only ({@link Combination#NORMAL}, CoreNLP's default).
 *
 * <p>Sentences go through {@link CRFClassifier#classifySentence}, which copies the tokens and applies the
 * classifier's own preprocessing (word shapes etc.); calling {@code classify()} directly would skip it and lose
 * accuracy.
 *
 * <p>Thread-safe: the classifiers are read-only after loading (CoreNLP shares them between threads too).
 */
public final class NerTagger {

    public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    public static final String MUC_7CLASS = "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz";
    /** The models of {@link #NerTagger()}, in priority order. */
    public static final List<String> DEFAULT_MODELS = List.of(ALL_3CLASS, CONLL_4CLASS);

    /**
     * Which labels a later model may add. {@link #HIGH_RECALL}: all of its entity labels (CoreNLP's
     * {@code ner.combinationMode=HIGH_RECALL}); {@link #NORMAL}: only types no earlier model has (CoreNLP's default).
     */
    public enum Combination { NORMAL, HIGH_RECALL }

    private static final String BACKGROUND = "O";

    /**
     * Tokens a later model reads around each untyped token that may be part of a name: the CoNLL model's features look
     * at four words on each side (its disjunction width), and a chunk of a few more tokens stays whole.
     */
    static final int CONTEXT = 6;

    /** Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries) that open sentences. */
    private static final Set<String> SENTENCE_OPENERS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "there",
            "here", "in", "on", "at", "by", "for", "with", "from", "to", "of", "after", "before", "during", "since",
            "until", "about", "under", "over", "between", "without", "within", "into", "through", "as", "and", "but",
            "or", "so", "yet", "if", "when", "while", "although", "though", "because", "once", "where", "which", "who",
            "what", "how", "why", "whether", "is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does",
            "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "not", "no", "all",
            "some", "many", "most", "each", "every", "both", "other", "such", "also", "then", "however", "still", "now");

    private final List<CRFClassifier<CoreLabel>> classifiers = new ArrayList<>();
    /** Model label (without B-/I-) -> type; labels not in it are dropped. */
    private final Map<String, EntityType> labelTypes;
    /** Names start with a capital letter: sentences without a capitalised word need no CRF. */
    private final boolean capitalisedNames;
    /** Per model: the types it may add (all its types for the first one). */
    private final List<Set<EntityType>> addable = new ArrayList<>();

    /**
     * {@link #DEFAULT_MODELS}, {@link Combination#NORMAL}: the CoNLL model only adds MISC (measured on the
     * evaluation data, letting it also fill PERSON/ORGANIZATION/LOCATION gaps costs precision: see docs/quality.md).
     */
    public NerTagger() {
        this(DEFAULT_MODELS, Combination.NORMAL);
    }

    /** @param models classpath resources of serialized CRF classifiers, first = highest priority */
    public NerTagger(List<String> models, Combination combination) {
        this(models, combination, NerModel.STANDARD_LABELS, true);
    }

    /** The NER of one language: {@link NerModel.Located#crfLocations()} with that model's labels. */
    public NerTagger(NerModel.Located located) {
        this(located.crfLocations(), Combination.NORMAL, located.model().labels(), located.model().capitalisedNames());
    }

    /**
     * @param models           serialized CRF classifiers (classpath resources or file paths), first = highest priority
     * @param labelTypes       model label (without B-/I-) -> type
     * @param capitalisedNames false for scripts without capitals (Chinese): every sentence goes to the CRFs
     */
    public NerTagger(List<String> models, Combination combination, Map<String, EntityType> labelTypes, boolean capitalisedNames) {
        this.labelTypes = Map.copyOf(labelTypes);
        this.capitalisedNames = capitalisedNames;
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no NER model");
        }
        Set<EntityType> seen = EnumSet.noneOf(EntityType.class);
        for (String model : models) {
            CRFClassifier<CoreLabel> classifier;
            try {
                classifier = CRFClassifier.getClassifier(model);
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot load the NER model " + model + " (is stanford-corenlp:models on the classpath?)", e);
            }
            Set<EntityType> types = EnumSet.noneOf(EntityType.class);
            for (String label : classifier.labels()) {
                EntityType type = typeOf(label, labelTypes);
                if (type != null) {
                    types.add(type);
                }
            }
            Set<EntityType> adds = EnumSet.noneOf(EntityType.class);
            adds.addAll(types);
            if (combination == Combination.NORMAL && !classifiers.isEmpty()) {
                adds.removeAll(seen);
            }
            seen.addAll(types);
            classifiers.add(classifier);
            addable.add(adds);
        }
    }

    /**
     * Tags one tokenized sentence of {@code segment}.
     *
     * @param tokens tokens whose character offsets index {@code segment}
     * @param offset where {@code segment} starts in the article text; mentions are shifted by it
     */
    public List<RawMention> tag(List<CoreLabel> tokens, String segment, int offset) {
        boolean[] begins = new boolean[tokens.size()];
        EntityType[] types = labels(tokens, begins);
        List<RawMention> mentions = new ArrayList<>();
        EntityType current = null;
        int start = -1;
        int end = -1;
        for (int i = 0; i < types.length; i++) {
            EntityType type = types[i];
            CoreLabel token = tokens.get(i);
            // adjacent tokens of one type form one mention, unless a B- tag starts another (IOB2 models)
            boolean next = type != current || begins[i];
            if (next && current != null) {
                mentions.add(mention(current, segment, start, end, offset));
            }
            if (type != null && next) {
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

    /** The combined type of every token (null: none). */
    EntityType[] labels(List<CoreLabel> tokens) {
        return labels(tokens, new boolean[tokens.size()]);
    }

    /** The combined type of every token (null: none); {@code begins} marks the tokens a B- label gave a type. */
    private EntityType[] labels(List<CoreLabel> tokens, boolean[] begins) {
        EntityType[] combined = new EntityType[tokens.size()];
        for (int m = 0; m < classifiers.size(); m++) {
            if (capitalisedNames && !mayHoldNames(tokens, combined)) {
                break; // nothing left for this model (or a later one) to add
            }
            String[] answers = m > 0 && capitalisedNames ? answersAround(classifiers.get(m), tokens, combined)
                    : answers(classifiers.get(m), tokens);
            EntityType[] own = new EntityType[answers.length];
            EntityType[] before = combined.clone();
            for (int i = 0; i < own.length; i++) {
                own[i] = typeOf(answers[i], labelTypes);
            }
            merge(combined, own, addable.get(m));
            for (int i = 0; i < own.length; i++) {
                String label = answers[i];
                if (before[i] == null && combined[i] != null && label != null && label.startsWith("B-")) {
                    begins[i] = true;
                }
            }
        }
        return combined;
    }

    /** The label the classifier gives each token of the sentence. */
    private static String[] answers(CRFClassifier<CoreLabel> classifier, List<CoreLabel> tokens) {
        List<CoreLabel> labelled = classifier.classifySentence(tokens);
        String[] answers = new String[labelled.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
        }
        return answers;
    }

    /**
     * A later model's labels, from runs on the {@link #nameRanges parts of the sentence around the tokens it may still
     * type} (the rest stays O): it only fills chunks the earlier models left untyped, which hold such a token, and what
     * it reads of a token's context lies within {@link #CONTEXT} tokens. One run on the whole sentence when the parts
     * cover it.
     */
    private static String[] answersAround(CRFClassifier<CoreLabel> classifier, List<CoreLabel> tokens, EntityType[] typed) {
        List<int[]> ranges = nameRanges(tokens, typed);
        if (ranges.size() == 1 && ranges.get(0)[0] == 0 && ranges.get(0)[1] == tokens.size()) {
            return answers(classifier, tokens);
        }
        String[] answers = new String[tokens.size()];
        for (int[] range : ranges) {
            String[] part = answers(classifier, tokens.subList(range[0], range[1]));
            System.arraycopy(part, 0, answers, range[0], part.length);
        }
        return answers;
    }

    /** [from, to) ranges of {@link #CONTEXT} tokens each side of the untyped name-like tokens, merged when they touch. */
    static List<int[]> nameRanges(List<CoreLabel> tokens, EntityType[] typed) {
        List<int[]> ranges = new ArrayList<>();
        for (int i : untypedNameTokens(tokens, typed)) {
            int from = Math.max(0, i - CONTEXT);
            int to = Math.min(tokens.size(), i + CONTEXT + 1);
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = to;
            } else {
                ranges.add(new int[]{from, to});
            }
        }
        return ranges;
    }

    /**
     * False when no token still untyped in {@code typed} looks like part of a name ({@link #untypedNameTokens}).
     * The CRFs are the costliest step of enrichment and find nothing there (a later model only fills untyped chunks),
     * so they are not run.
     */
    static boolean mayHoldNames(List<CoreLabel> tokens, EntityType[] typed) {
        return !untypedNameTokens(tokens, typed).isEmpty();
    }

    /**
     * The positions of the tokens still untyped in {@code typed} that look like part of a name: a capital letter, and
     * not a first word of a closed class ("The", "He", "But", "In").
     */
    private static List<Integer> untypedNameTokens(List<CoreLabel> tokens, EntityType[] typed) {
        List<Integer> positions = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            if (!hasLetter(word)) {
                continue;
            }
            if (typed[i] == null && hasUpperCase(word) && !(first && SENTENCE_OPENERS.contains(word.toLowerCase(Locale.ROOT)))) {
                positions.add(i);
            }
            first = false;
        }
        return positions;
    }

    private static boolean hasLetter(String word) {
        return word.chars().anyMatch(Character::isLetter);
    }

    private static boolean hasUpperCase(String word) {
        return word.chars().anyMatch(Character::isUpperCase);
    }

    /**
     * ClassifierCombiner's merge: every chunk of {@code later} (adjacent tokens of one type) whose type may be added
     * is copied into {@code combined} when all its tokens are still untyped there; otherwise it is dropped whole.
     */
    static void merge(EntityType[] combined, EntityType[] later, Set<EntityType> addable) {
        int i = 0;
        while (i < later.length) {
            EntityType type = later[i];
            int j = i + 1;
            while (j < later.length && type != null && later[j] == type) {
                j++;
            }
            if (type != null && addable.contains(type)) {
                boolean free = true;
                for (int k = i; k < j && free; k++) {
                    free = combined[k] == null;
                }
                if (free) {
                    Arrays.fill(combined, i, j, type);
                }
            }
            i = j;
        }
    }

    private static RawMention mention(EntityType type, String segment, int start, int end, int offset) {
        return new RawMention(type, segment.substring(start, end), offset + start, offset + end);
    }

    /** Labels as the models spell them (PERSON...) or in their short form (PER...); others (DATE, MONEY...): null. */
    static EntityType typeOf(String label) {
        return typeOf(label, NerModel.STANDARD_LABELS);
    }

    /** The type of a label, with or without its B-/I- prefix; null for O and labels the mapping drops. */
    static EntityType typeOf(String label, Map<String, EntityType> labelTypes) {
        if (label == null || label.equals(BACKGROUND)) {
            return null;
        }
        String bare = label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
        return labelTypes.get(bare);
    }
}
