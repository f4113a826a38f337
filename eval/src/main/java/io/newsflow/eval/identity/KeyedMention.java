package io.newsflow.eval.identity;

/**
 * A system's entity mention with the key of its entity.
 *
 * @param start UTF-16 offset into the document text, inclusive
 * @param end   exclusive
 * @param key   the entity's key (Newsflow's {@code Entity.key}; the naive baseline's type and lower-cased text)
 * @param link  the entity's Wikipedia title ({@code Entity.link.id}), normalised by
 *              {@link IdentityDocument#normaliseTitle}; null when not linked
 */
public record KeyedMention(int start, int end, String key, String link) {

    boolean overlaps(IdentityDocument.GoldMention gold) {
        return start < gold.end() && gold.start() < end;
    }
}
