package io.newsflow.enrichment;

import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/** Tokens for tests that need no tokenizer: one per space-separated word, with its word only. */
public final class TestTokens {

    private TestTokens() {
    }

    public static List<CoreLabel> of(String spaced) {
        List<CoreLabel> tokens = new ArrayList<>();
        for (String word : spaced.split(" ")) {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            tokens.add(token);
        }
        return tokens;
    }
}
