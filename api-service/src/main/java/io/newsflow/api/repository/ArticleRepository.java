package io.newsflow.api.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.api.service.StorableArticles;
import io.newsflow.events.Entity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes articles and their entity / date rows, many articles per statement: each table gets one statement whose
 * rows come as arrays ({@code unnest}), whatever the number of articles. The statements run on the session's own
 * connection, so they share the storing transaction. Entity and alias rows are shared between articles and between
 * api instances: ON CONFLICT DO NOTHING lets concurrent writers pass.
 *
 * <p>Rows are queued ({@link #queue}) and written together by {@link #writeQueued}. A read of this service that the queued
 * rows could change writes them first ({@link #writeQueuedIfAnyAlias}, used by {@link EntityMergeRepository}), so callers
 * never need to know when rows reach the database.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<StoredArticle, UUID> {

    /** A date mentioned in an article with the span of days its value covers (null when it has none). */
    public record DateRow(int start, String value, String type, boolean resolved, LocalDate from, LocalDate to) {
    }

    /** An article row with its (already resolved) entities and its dates; ids are unique within one call. */
    public record ArticleRow(UUID id, String externalId, String url, String source, String title, String body,
                             String language, String publishedValue, String publishedBasis, Instant publishedAt,
                             Instant receivedAt, Instant storedAt, Instant sortAt, String enrichmentVersion,
                             Long enrichmentTookMs, String enrichmentIncompleteReason, String enrichmentExtractorsJson, String traceId, String submittedBy,
                             String datesJson, List<Entity> entities, List<DateRow> dates) {
    }

    /** An earlier version of an article, kept when a version with other content replaced it. */
    public record RevisionRow(int revision, String title, String body, String source, String url, String publishedValue,
                              String publishedBasis, String submittedBy, Instant storedAt, Instant replacedAt) {
    }

    /** Title, text, source, URL and publication date: what makes a version another version (revisions). */
    private static final String CONTENT = "(%1$s.title, %1$s.body, %1$s.source, %1$s.url, %1$s.published_value)";

    private final PendingArticleRows pending;
    private final ObjectMapper json;

    public ArticleRepository(PendingArticleRows pending, ObjectMapper json) {
        this.pending = pending;
        this.json = json;
    }

    /**
     * Queues an article row for this transaction's next write. An article already queued is written first: one
     * statement cannot write a row twice, and its later version must replace the earlier one.
     */
    public void queue(ArticleRow row) {
        if (pending.rows.stream().anyMatch(r -> r.id().equals(row.id()))) {
            writeQueued();
        }
        pending.rows.add(row);
    }

    /**
     * Writes the queued rows.
     *
     * @return the ids of the articles this transaction's writes created (were not stored before), in all
     */
    public Set<UUID> writeQueued() {
        if (!pending.rows.isEmpty()) {
            pending.created.addAll(write(pending.rows));
            pending.rows.clear();
        }
        return Set.copyOf(pending.created);
    }

    /**
     * Writes the queued rows when an entity of theirs has an alias (its name or a mention, as stored in
     * entity_alias) that {@code matters} to a read about to run; otherwise they keep waiting.
     */
    void writeQueuedIfAnyAlias(BiPredicate<String, String> matters) {
        boolean matter = pending.rows.stream().flatMap(r -> r.entities().stream())
                .anyMatch(e -> aliases(e).stream().anyMatch(alias -> matters.test(e.key(), alias)));
        if (matter) {
            writeQueued();
        }
    }

    /** Writes the queued rows when one of their entities {@code matters} to a read about to run; otherwise they keep waiting. */
    void writeQueuedIfAnyEntity(Predicate<Entity> matters) {
        if (pending.rows.stream().flatMap(r -> r.entities().stream()).anyMatch(matters)) {
            writeQueued();
        }
    }

    /**
     * Upserts the article rows and replaces their entity and date rows. A stored version whose content differs
     * from its new one is kept as a revision first; the same content again (a redelivery) keeps nothing.
     *
     * @return the ids of the articles that were not stored before
     */
    private Set<UUID> write(List<ArticleRow> rows) {
        return getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> revised = keepReplacedVersions(c, rows);
            Set<UUID> created = upsertArticles(c, rows, revised);
            Array ids = c.createArrayOf("uuid", rows.stream().map(ArticleRow::id).toArray());
            update(c, "DELETE FROM article_entity WHERE article_id = ANY(?)", ids);
            update(c, "DELETE FROM article_date WHERE article_id = ANY(?)", ids);
            insertEntities(c, rows, json);
            insertDates(c, rows);
            return created;
        });
    }

    /** Tells every api instance's LISTEN connection about these articles when the transaction commits. */
    public void notifyStored(String channel, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT pg_notify(?, id) FROM unnest(?::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n")) {
                st.setString(1, channel);
                st.setArray(2, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
                st.executeQuery().close();
            }
        });
    }

    /** The article's entities in their order in the article, each with its mentions. */
    public List<Entity> entitiesOf(UUID articleId) {
        return Rows.query(getEntityManager(), "SELECT " + EntityLinks.COLUMNS
                        + " FROM article_entity ae WHERE ae.article_id = :id ORDER BY ae.position, ae.entity_key")
                .setParameter("id", articleId).getResultList().stream().map(r -> EntityLinks.entity(r, json)).toList();
    }

    /** Newest first: revisions numbered below {@code beforeRevision} (null: from the newest). */
    public List<RevisionRow> revisions(UUID articleId, Integer beforeRevision, int limit) {
        return Rows.query(getEntityManager(), """
                        SELECT revision, title, body, source, url, published_value, published_basis, submitted_by,
                               stored_at, replaced_at
                        FROM article_revisions WHERE article_id = :id AND revision < :before
                        ORDER BY revision DESC LIMIT :limit""")
                .setParameter("id", articleId).setParameter("before", beforeRevision == null ? Integer.MAX_VALUE : beforeRevision)
                .setParameter("limit", limit).getResultList().stream()
                .map(r -> new RevisionRow((int) Rows.whole(r, "revision"), Rows.text(r, "title"), Rows.text(r, "body"),
                        Rows.text(r, "source"), Rows.text(r, "url"), Rows.text(r, "published_value"),
                        Rows.text(r, "published_basis"), Rows.text(r, "submitted_by"), Rows.instant(r, "stored_at"),
                        Rows.instant(r, "replaced_at")))
                .toList();
    }

    /**
     * Copies each stored article whose content the new row changes into article_revisions, numbered after the ones
     * kept before. The stored rows are locked first (in id order), then compared: when another instance stored the same
     * article a moment ago, the lock waits for it and the comparison and the count see its version; nobody changes
     * them until this transaction commits.
     *
     * @return the ids of the articles a revision was kept for
     */
    private static Set<UUID> keepReplacedVersions(Connection c, List<ArticleRow> rows) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(("""
                WITH incoming AS (
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                        AS t(id, title, body, source, url, published_value, replaced_at)),
                stored AS (
                    SELECT a.id, a.revisions, a.title, a.body, a.source, a.url, a.published_value, a.published_basis,
                           a.published_at, a.submitted_by, a.stored_at
                    FROM article a JOIN incoming i ON i.id = a.id
                    ORDER BY a.id FOR UPDATE OF a)
                INSERT INTO article_revisions (article_id, revision, title, body, source, url, published_value, published_basis,
                                               published_at, submitted_by, stored_at, replaced_at)
                SELECT s.id, s.revisions + 1, s.title, s.body, s.source, s.url, s.published_value, s.published_basis,
                       s.published_at, s.submitted_by, s.stored_at, i.replaced_at
                FROM stored s JOIN incoming i ON i.id = s.id
                WHERE %s IS DISTINCT FROM %s
                RETURNING article_id""").formatted(CONTENT.formatted("s"), CONTENT.formatted("i")))) {
            int i = 0;
            st.setArray(++i, c.createArrayOf("uuid", column(rows, ArticleRow::id)));
            st.setArray(++i, texts(c, rows, ArticleRow::title));
            st.setArray(++i, texts(c, rows, ArticleRow::body));
            st.setArray(++i, texts(c, rows, ArticleRow::source));
            st.setArray(++i, texts(c, rows, ArticleRow::url));
            st.setArray(++i, texts(c, rows, ArticleRow::publishedValue));
            st.setArray(++i, texts(c, rows, ArticleRow::storedAt));
            Set<UUID> revised = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    revised.add(rs.getObject(1, UUID.class));
                }
            }
            return revised;
        }
    }

    private static Set<UUID> upsertArticles(Connection c, List<ArticleRow> rows, Set<UUID> revised) throws SQLException {
        // xmax is 0 on a row version this statement inserted, and set on one it updated.
        // The count follows what keepReplacedVersions kept; the same content again keeps its first submitter.
        String changed = CONTENT.formatted("article") + " IS DISTINCT FROM " + CONTENT.formatted("EXCLUDED");
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article (id, external_id, url, source, title, body, language, published_value, published_basis,
                                     published_at, received_at, stored_at, sort_at, enrichment_version, enrichment_took_ms,
                                     enrichment_incomplete_reason, enrichment_extractors, trace_id, submitted_by, dates)
                SELECT id, external_id, url, source, title, body, language, published_value, published_basis,
                       published_at, received_at, stored_at, sort_at, enrichment_version, enrichment_took_ms,
                       enrichment_incomplete_reason, CAST(enrichment_extractors AS jsonb), trace_id, submitted_by, CAST(dates AS jsonb)
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::bigint[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS t(id, external_id, url, source, title, body, language, published_value, published_basis,
                          published_at, received_at, stored_at, sort_at, enrichment_version, enrichment_took_ms,
                          enrichment_incomplete_reason, enrichment_extractors, trace_id, submitted_by, dates)
                ON CONFLICT (id) DO UPDATE SET
                    revisions = article.revisions + CASE WHEN article.id = ANY(?::uuid[]) THEN 1 ELSE 0 END,
                    submitted_by = CASE WHEN %1$s THEN EXCLUDED.submitted_by
                                        ELSE coalesce(article.submitted_by, EXCLUDED.submitted_by) END,
                    external_id = EXCLUDED.external_id, url = EXCLUDED.url, source = EXCLUDED.source, title = EXCLUDED.title,
                    body = EXCLUDED.body, language = EXCLUDED.language, published_value = EXCLUDED.published_value,
                    published_basis = EXCLUDED.published_basis, published_at = EXCLUDED.published_at,
                    received_at = EXCLUDED.received_at, stored_at = EXCLUDED.stored_at, sort_at = EXCLUDED.sort_at,
                    enrichment_version = EXCLUDED.enrichment_version, enrichment_took_ms = EXCLUDED.enrichment_took_ms,
                    enrichment_incomplete_reason = EXCLUDED.enrichment_incomplete_reason,
                    enrichment_extractors = EXCLUDED.enrichment_extractors,
                    trace_id = EXCLUDED.trace_id, dates = EXCLUDED.dates
                RETURNING id, xmax = 0""".formatted(changed))) {
            int i = 0;
            st.setArray(++i, c.createArrayOf("uuid", column(rows, ArticleRow::id)));
            st.setArray(++i, texts(c, rows, ArticleRow::externalId));
            st.setArray(++i, texts(c, rows, ArticleRow::url));
            st.setArray(++i, texts(c, rows, ArticleRow::source));
            st.setArray(++i, texts(c, rows, ArticleRow::title));
            st.setArray(++i, texts(c, rows, ArticleRow::body));
            st.setArray(++i, texts(c, rows, ArticleRow::language));
            st.setArray(++i, texts(c, rows, ArticleRow::publishedValue));
            st.setArray(++i, texts(c, rows, ArticleRow::publishedBasis));
            // instants as ISO-8601 text with its Z: no time zone of the JVM or the session on the way
            st.setArray(++i, texts(c, rows, ArticleRow::publishedAt));
            st.setArray(++i, texts(c, rows, ArticleRow::receivedAt));
            st.setArray(++i, texts(c, rows, ArticleRow::storedAt));
            st.setArray(++i, texts(c, rows, ArticleRow::sortAt));
            st.setArray(++i, texts(c, rows, ArticleRow::enrichmentVersion));
            st.setArray(++i, c.createArrayOf("bigint", column(rows, ArticleRow::enrichmentTookMs)));
            st.setArray(++i, texts(c, rows, ArticleRow::enrichmentIncompleteReason));
            st.setArray(++i, texts(c, rows, ArticleRow::enrichmentExtractorsJson));
            st.setArray(++i, texts(c, rows, ArticleRow::traceId));
            st.setArray(++i, texts(c, rows, ArticleRow::submittedBy));
            st.setArray(++i, texts(c, rows, ArticleRow::datesJson));
            st.setArray(++i, c.createArrayOf("uuid", revised.toArray()));
            Set<UUID> created = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        created.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return created;
        }
    }

    private static void insertEntities(Connection c, List<ArticleRow> rows, ObjectMapper json) throws SQLException {
        // One row per key (the first name seen wins, as when stored one by one), one link per article and key.
        // Keys in sorted order: api instances writing at once lock shared entity rows in the same order.
        Map<String, Entity> entities = new LinkedHashMap<>();
        Set<List<String>> aliases = new LinkedHashSet<>();
        Map<List<Object>, Link> links = new LinkedHashMap<>();
        for (ArticleRow row : rows) {
            int position = 0;
            Months months = Months.of(row);
            for (Entity e : row.entities()) {
                // the first listing's name and type; a link from whichever listing has one
                entities.merge(e.key(), e, (first, next) -> first.link() == null ? first.withLink(next.link()) : first);
                aliases(e).forEach(a -> aliases.add(List.of(e.key(), a)));
                Link link = new Link(row.id(), e.key(), e.name(), e.type().name(), e.subtype(), ++position,
                        e.mentions(), e.mentions().stream().mapToInt(Entity.Mention::start).min().orElse(0), row.sortAt(), months);
                links.merge(List.of(row.id(), e.key()), link, Link::plus);
            }
        }
        List<Entity> byKey = entities.values().stream().sorted(Comparator.comparing(Entity::key)).toList();
        // an entity stored before without a page gets the one it is linked to now; one with a page keeps it (V13)
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO entity (key, name, type, link_kb, link_id)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (key) DO UPDATE SET link_kb = EXCLUDED.link_kb, link_id = EXCLUDED.link_id
                WHERE entity.link_id IS NULL AND EXCLUDED.link_id IS NOT NULL""")) {
            st.setArray(1, c.createArrayOf("text", column(byKey, Entity::key)));
            st.setArray(2, c.createArrayOf("text", column(byKey, Entity::name)));
            st.setArray(3, c.createArrayOf("text", column(byKey, e -> e.type().name())));
            st.setArray(4, c.createArrayOf("text", column(byKey, e -> e.link() == null ? null : e.link().kb())));
            st.setArray(5, c.createArrayOf("text", column(byKey, e -> e.link() == null ? null : e.link().id())));
            st.executeUpdate();
        }
        List<List<String>> sortedAliases = aliases.stream()
                .sorted(Comparator.<List<String>, String>comparing(a -> a.get(0)).thenComparing(a -> a.get(1))).toList();
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO entity_alias (entity_key, alias) SELECT * FROM unnest(?::text[], ?::text[])
                ON CONFLICT DO NOTHING""")) {
            st.setArray(1, c.createArrayOf("text", column(sortedAliases, a -> a.get(0))));
            st.setArray(2, c.createArrayOf("text", column(sortedAliases, a -> a.get(1))));
            st.executeUpdate();
        }
        // in key order too, as the V15 count triggers lock the shared entity and entity_month rows
        List<Link> sortedLinks = links.values().stream().sorted(Comparator.comparing(Link::entityKey)).toList();
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article_entity (article_id, entity_key, name, type, subtype, position, mentions, mention_count,
                                            first_offset, sort_at, published_month, mentioned_months, mentioned_spans)
                SELECT article_id, entity_key, name, type, subtype, position, CAST(mentions AS jsonb), mention_count,
                       first_offset, sort_at, published_month, CAST(mentioned_months AS date[]),
                       CAST(mentioned_spans AS datemultirange)
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[], ?::int[],
                            ?::timestamptz[], ?::date[], ?::text[], ?::text[])
                     AS t(article_id, entity_key, name, type, subtype, position, mentions, mention_count, first_offset, sort_at,
                          published_month, mentioned_months, mentioned_spans)
                ON CONFLICT (article_id, entity_key)
                DO UPDATE SET mention_count = article_entity.mention_count + EXCLUDED.mention_count,
                              mentions = article_entity.mentions || EXCLUDED.mentions""")) {
            st.setArray(1, c.createArrayOf("uuid", column(sortedLinks, Link::articleId)));
            st.setArray(2, c.createArrayOf("text", column(sortedLinks, Link::entityKey)));
            st.setArray(3, c.createArrayOf("text", column(sortedLinks, Link::name)));
            st.setArray(4, c.createArrayOf("text", column(sortedLinks, Link::type)));
            st.setArray(5, c.createArrayOf("text", column(sortedLinks, Link::subtype)));
            st.setArray(6, c.createArrayOf("int4", column(sortedLinks, Link::position)));
            List<String> mentions = new ArrayList<>();
            for (Link link : sortedLinks) {
                mentions.add(EntityLinks.writeMentions(json, link.mentions()));
            }
            st.setArray(7, c.createArrayOf("text", mentions.toArray()));
            st.setArray(8, c.createArrayOf("int4", column(sortedLinks, l -> l.mentions().size())));
            st.setArray(9, c.createArrayOf("int4", column(sortedLinks, Link::firstOffset)));
            st.setArray(10, texts(c, sortedLinks, Link::sortAt));
            st.setArray(11, texts(c, sortedLinks, l -> l.months().published()));
            st.setArray(12, texts(c, sortedLinks, l -> l.months().mentionedLiteral()));
            st.setArray(13, texts(c, sortedLinks, l -> l.months().spansLiteral()));
            st.executeUpdate();
        }
    }

    /**
     * An article_entity row: the article's entity in its place in the list, with its mentions. An entity key twice in
     * one article is one entity in the place of its first listing, with the mentions of both.
     */
    private record Link(UUID articleId, String entityKey, String name, String type, String subtype, int position,
                        List<Entity.Mention> mentions, int firstOffset, Instant sortAt, Months months) {
        Link plus(Link other) {
            List<Entity.Mention> all = new ArrayList<>(mentions);
            all.addAll(other.mentions);
            return new Link(articleId, entityKey, name, type, subtype, position, all,
                    Math.min(firstOffset, other.firstOffset), sortAt, months);
        }
    }

    /**
     * What a link carries of its article's dates. For an entity's month counts (V15): the article's publication month
     * (UTC; null when unknown) and the months its dates speak of (dates spanning less than 31 days: a day, a week, a
     * month), each as its first day. For the entity's mentioned-date filter (V16): the days every date with a start
     * covers, as a multirange literal (an unknown end is an open end, as the filter reads article_date).
     */
    private record Months(LocalDate published, Set<LocalDate> mentioned, String spansLiteral) {
        static Months of(ArticleRow row) {
            Set<LocalDate> mentioned = new TreeSet<>();
            List<String> spans = new ArrayList<>();
            for (DateRow d : row.dates()) {
                if (d.from() != null && d.to() != null && ChronoUnit.DAYS.between(d.from(), d.to()) < 31) {
                    mentioned.add(d.from().withDayOfMonth(1));
                }
                if (d.from() != null) {
                    spans.add("[" + d.from() + "," + Objects.toString(d.to(), "") + "]");
                }
            }
            LocalDate published = row.publishedAt() == null ? null
                    : LocalDate.ofInstant(row.publishedAt(), ZoneOffset.UTC).withDayOfMonth(1);
            return new Months(published, mentioned, "{" + String.join(",", spans) + "}");
        }

        /** As a PostgreSQL array literal, for the statement to cast. */
        String mentionedLiteral() {
            return mentioned.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
        }
    }

    /** The name and every surface form, except those too long for the alias indexes (see StorableArticles). */
    private static Set<String> aliases(Entity e) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(e.name());
        e.mentions().forEach(m -> aliases.add(m.text()));
        aliases.removeIf(a -> a == null || a.length() > StorableArticles.MAX_INDEXED_CHARS);
        return aliases;
    }

    private static void insertDates(Connection c, List<ArticleRow> rows) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<DateRow> dates = new ArrayList<>();
        for (ArticleRow row : rows) {
            row.dates().forEach(d -> {
                ids.add(row.id());
                dates.add(d);
            });
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article_date (article_id, start_offset, value, type, resolved, date_from, date_to)
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::boolean[], ?::date[], ?::date[])
                ON CONFLICT DO NOTHING""")) {
            st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            st.setArray(2, c.createArrayOf("int4", column(dates, DateRow::start)));
            st.setArray(3, c.createArrayOf("text", column(dates, DateRow::value)));
            st.setArray(4, c.createArrayOf("text", column(dates, DateRow::type)));
            st.setArray(5, c.createArrayOf("bool", column(dates, DateRow::resolved)));
            st.setArray(6, texts(c, dates, DateRow::from));
            st.setArray(7, texts(c, dates, DateRow::to));
            st.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Array ids) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, ids);
            st.executeUpdate();
        }
    }

    private static <T> Object[] column(List<T> rows, Function<T, ?> value) {
        return rows.stream().map(value).toArray();
    }

    /** A text array of the values' string forms (nulls stay null), for the statement to cast. */
    private static <T> Array texts(Connection c, List<T> rows, Function<T, ?> value) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(value).map(v -> Objects.toString(v, null)).toArray());
    }
}
