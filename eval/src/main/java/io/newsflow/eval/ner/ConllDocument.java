package io.newsflow.eval.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * One document of a CoNLL file: sentences of tokens with their gold IOB2 tags.
 *
 * <p>{@link #text()} is the text the systems see: tokens joined by single spaces, sentences by a newline.
 * {@link #tokenBegin}/{@link #tokenEnd} give each token's character span in that text.
 */
public record ConllDocument(String id, List<Sentence> sentences) {

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

    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }

    /** Tokens joined by single spaces, sentences separated by a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                sb.append('\n');
            }
            List<String> tokens = sentences.get(s).tokens();
            for (int t = 0; t < tokens.size(); t++) {
                if (t > 0) {
                    sb.append(' ');
                }
                sb.append(tokens.get(t));
            }
        }
        return sb.toString();
    }

    /** Character offsets of every token in {@link #text()}: [sentence][token] = {begin, end}. */
    public int[][][] tokenSpans() {
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
                    offset++; // the space
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
