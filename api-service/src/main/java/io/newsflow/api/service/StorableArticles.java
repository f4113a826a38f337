package io.newsflow.api.service;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.PublishedDates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Repairs what PostgreSQL cannot hold, so that an enriched record is never dead-lettered for it: ingest refuses these
 * values now, but records already on the topic (or from another producer) may carry them. NUL characters are removed
 * from every string (PostgreSQL takes none in text or jsonb), with the mention and date offsets moved to match the
 * text without them; a publication date outside {@link PublishedDates}' range becomes unknown, and a received time
 * outside it is left for the store to replace with the time of storing. Values that go into a btree index (entity
 * keys, the source) are bounded: an index entry holds at most 2,704 bytes, and a longer one fails the transaction.
 * An entity link that is not a storable Wikipedia page ({@link #storable}) is left out; the entity stays.
 */
public final class StorableArticles {

    /** Longest entity key, alias or source stored: 3 bytes a character at most, two of them in one index entry. */
    public static final int MAX_INDEXED_CHARS = 300;

    private StorableArticles() {
    }

    public static EnrichedArticle repair(EnrichedArticle a) {
        EnrichedArticle.PublishedAt published = a.publishedAt();
        // a full date or date-time outside the range is unknown; a partial value ("2019-05") stays as it is
        boolean outOfRange = published != null && PublishedDates.normalise(withoutNul(published.value()))
                .map(v -> PublishedDates.toInstant(v).map(i -> !PublishedDates.isStorable(i)).orElse(true)).orElse(false);
        boolean hasNul = hasNul(a);
        boolean badReceivedAt = a.receivedAt() != null && !PublishedDates.isStorable(a.receivedAt());
        boolean tooLong = tooLong(a.source()) || a.entities().stream().anyMatch(e -> tooLong(e.key()));
        boolean badLink = a.entities().stream().anyMatch(e -> e.link() != null && !storable(e.link()));
        if (!hasNul && !outOfRange && !badReceivedAt && !tooLong && !badLink) {
            return a; // the usual case: nothing to copy
        }
        Offsets offsets = new Offsets(a.text());
        EnrichedArticle.PublishedAt repairedPublished = published == null ? null
                : outOfRange ? EnrichedArticle.PublishedAt.unknown()
                : new EnrichedArticle.PublishedAt(withoutNul(published.value()), published.basis());
        // an entity whose key no index can hold is no real name (a run of hundreds of capitalised words): left out
        List<Entity> entities = a.entities().stream()
                .filter(e -> !tooLong(withoutNul(e.key())))
                .map(e -> new Entity(withoutNul(e.key()), withoutNul(e.name()), e.type(), withoutNul(e.subtype()),
                        e.mentions().stream().map(m -> new Entity.Mention(withoutNul(m.text()),
                                offsets.map(m.start()), offsets.map(m.end()))).toList(),
                        e.link() != null && storable(e.link()) ? e.link() : null))
                .toList();
        List<DateMention> dates = a.dates().stream().map(d -> new DateMention(withoutNul(d.text()), offsets.map(d.start()),
                offsets.map(d.end()), withoutNul(d.type()), withoutNul(d.value()), d.resolved())).toList();
        Instant receivedAt = badReceivedAt ? null : a.receivedAt();
        return new EnrichedArticle(a.schemaVersion(), a.id(), withoutNul(a.externalId()), withoutNul(a.url()),
                bounded(withoutNul(a.source())), withoutNul(a.title()), withoutNul(a.text()), withoutNul(a.language()),
                repairedPublished, receivedAt, entities, dates, a.enrichment());
    }

    /**
     * A link the store keeps: a Wikipedia page (the one knowledge base; the API makes its URL from the title) whose
     * title an index holds. Another one is left out, the entity kept without it.
     */
    static boolean storable(Entity.Link link) {
        return Entity.Link.WIKIPEDIA.equals(link.kb()) && link.id() != null && !link.id().isBlank()
                && link.id().indexOf('\0') < 0 && !tooLong(link.id());
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_INDEXED_CHARS;
    }

    private static String bounded(String s) {
        return tooLong(s) ? s.substring(0, MAX_INDEXED_CHARS) : s;
    }

    static String withoutNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    private static boolean hasNul(EnrichedArticle a) {
        List<String> strings = new ArrayList<>(Arrays.asList(a.externalId(), a.url(), a.source(), a.title(), a.text(),
                a.language(), a.publishedAt() == null ? null : a.publishedAt().value()));
        for (Entity e : a.entities()) {
            strings.addAll(Arrays.asList(e.key(), e.name(), e.subtype()));
            e.mentions().forEach(m -> strings.add(m.text()));
        }
        for (DateMention d : a.dates()) {
            strings.addAll(Arrays.asList(d.text(), d.type(), d.value()));
        }
        return strings.stream().anyMatch(s -> s != null && s.indexOf('\0') >= 0);
    }

    /** Moves an offset into the text to the same place in the text without its NUL characters. */
    private static final class Offsets {
        private final int[] nulPositions;

        Offsets(String text) {
            nulPositions = text == null ? new int[0]
                    : IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\0').toArray();
        }

        int map(int offset) {
            int at = Arrays.binarySearch(nulPositions, offset);
            // a NUL at the offset itself comes after it: only the ones before the offset move it
            return offset - (at >= 0 ? at : -at - 1);
        }
    }
}
