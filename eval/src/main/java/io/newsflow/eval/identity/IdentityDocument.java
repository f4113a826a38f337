package io.newsflow.eval.identity;

import java.util.List;

/**
 * A text of the identity set with its gold mentions.
 *
 * @param id       the document's name
 * @param text     the raw text, as sent to the systems (offsets index it)
 * @param mentions the gold mentions, in the file's order
 */
public record IdentityDocument(String id, String text, List<IdentityDocument.GoldMention> mentions) {

    public IdentityDocument {
        mentions = List.copyOf(mentions);
    }

    /**
     * @param start UTF-16 offset, inclusive
     * @param end   UTF-16 offset, exclusive
     * @param title the true Wikipedia title, normalised by {@link #normaliseTitle}; null when the gold has none
     */
    public record GoldMention(int start, int end, String text, String title) {
    }

    /**
     * A Wikipedia title in one spelling: underscores as spaces, runs of spaces as one, stripped
     * ("United_States" and "United States" are one title); null for none ({@code NIL}, empty).
     */
    public static String normaliseTitle(String title) {
        if (title == null) {
            return null;
        }
        String t = title.replace('_', ' ').strip().replaceAll(" {2,}", " ");
        return t.isEmpty() || t.equals("NIL") ? null : t;
    }
}
