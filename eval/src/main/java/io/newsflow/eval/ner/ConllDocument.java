package io.newsflow.eval.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document of a CoNLL file: sentences of tokens with their gold IOB2 tags, and the language of its data set
 * (ISO 639-1, or null when unknown: then the enricher detects it).
 *
 * <p>{@link #text()} is the text the systems see: tokens joined by single spaces (directly, in a language written
 * without spaces such as Chinese, whose tokens are characters), sentences by a newline. {@link #tokenSpans()} gives
 * each token's character span in that text.
 */
public record ConllDocument(String id, List<Sentence> sentences, String language) {

    /** Languages written without spaces between words: the systems see the characters joined and segment them. */
    private static final Set<String> WRITTEN_WITHOUT_SPACES = Set.of("zh");
    private static final Pattern LANGUAGE_PREFIX = Pattern.compile("([a-z]{2})-");

    /** Tokens and gold tags of one sentence (same length). */
    public record Sentence(List<String> tokens, List<String> tags) {
        public Sentence {
            if (tokens.size() != tags.size()) {
                throw new IllegalArgumentException("tokens and tags differ in length");
            }
            tokens = List.copyOf(tokens);
            tags = List.copyOf(tags);
        }
    }

    public ConllDocument {
        sentences = List.copyOf(sentences);
    }

    public ConllDocument(String id, List<Sentence> sentences) {
        this(id, sentences, null);
    }

    /**
     * The language a NER file's name says: "de-germeval2014-dev" -> de, "zh-msra-dev" -> zh; the English sets carry
     * no prefix ("wikigold", "gum_wikinews", "meantime_en") -> en.
     */
    public static String languageOfSet(String setName) {
        Matcher m = LANGUAGE_PREFIX.matcher(setName);
        return m.lookingAt() ? m.group(1) : "en";
    }

    /** What joins two tokens of a sentence in {@link #text()}: a space, or nothing in Chinese. */
    public String tokenSeparator() {
        return language != null && WRITTEN_WITHOUT_SPACES.contains(language) ? "" : " ";
    }

    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }

    /** Tokens joined by {@link #tokenSeparator()}, sentences separated by a newline. */
    public String text() {
        String separator = tokenSeparator();
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                sb.append('\n');
            }
            List<String> tokens = sentences.get(s).tokens();
            for (int t = 0; t < tokens.size(); t++) {
                if (t > 0) {
                    sb.append(separator);
                }
                sb.append(tokens.get(t));
            }
        }
        return sb.toString();
    }

    /** Character offsets of every token in {@link #text()}: [sentence][token] = {begin, end}. */
    public int[][][] tokenSpans() {
        int separator = tokenSeparator().length();
        int[][][] spans = new int[sentences.size()][][];
        int offset = 0;
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                offset++; // the newline
            }
            List<String> tokens = sentences.get(s).tokens();
            spans[s] = new int[tokens.size()][];
            for (int t = 0; t < tokens.size(); t++) {
                if (t > 0) {
                    offset += separator;
                }
                spans[s][t] = new int[]{offset, offset + tokens.get(t).length()};
                offset += tokens.get(t).length();
            }
        }
        return spans;
    }

    /** The gold tags, one list per sentence. */
    public List<List<String>> goldTags() {
        List<List<String>> tags = new ArrayList<>();
        sentences.forEach(s -> tags.add(s.tags()));
        return tags;
    }
}
