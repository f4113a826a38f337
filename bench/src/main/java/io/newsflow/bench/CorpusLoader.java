package io.newsflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EventJson;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a generated corpus straight into the api-service schema (migrated by the api-service's own Flyway
 * scripts), row for row as ArticleStore / ArticleRepository would, but in JDBC batches of many articles.
 */
final class CorpusLoader {

    private static final int ARTICLES_PER_TRANSACTION = 500;
    private static final ObjectMapper JSON = EventJson.mapper();

    private CorpusLoader() {
    }

    static void migrate(Path root, String jdbcUrl, String user) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, "")
                .locations("filesystem:" + root.resolve("api-service/src/main/resources/db/migration"))
                .load()
                .migrate();
    }

    /** Inserts articles {@code 0..count-1}; returns the elapsed seconds. */
    static double load(Connection c, Corpus corpus, int count) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement article = c.prepareStatement("""
                     INSERT INTO article (id, external_id, url, source, title, body, language, published_value, published_basis,
                       published_at, received_at, stored_at, sort_at, enrichment_version, enrichment_took_ms, dates)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""");
             PreparedStatement entity = c.prepareStatement(
                     "INSERT INTO entity (key, name, type) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING");
             PreparedStatement alias = c.prepareStatement(
                     "INSERT INTO entity_alias (entity_key, alias) VALUES (?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement link = c.prepareStatement("""
                     INSERT INTO article_entity (article_id, entity_key, name, type, subtype, position, mentions,
                                                 mention_count, first_offset, sort_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""");
             PreparedStatement date = c.prepareStatement("""
                     INSERT INTO article_date (article_id, start_offset, value, type, resolved, date_from, date_to)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int i = 0; i < count; i++) {
                add(corpus.article(i), article, entity, alias, link, date);
                if ((i + 1) % ARTICLES_PER_TRANSACTION == 0 || i == count - 1) {
                    article.executeBatch();
                    entity.executeBatch();
                    alias.executeBatch();
                    link.executeBatch();
                    date.executeBatch();
                    c.commit();
                }
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf("  loaded %,d articles (%.0f/s)%n", i + 1, (i + 1) / seconds(start));
                }
            }
        }
        c.setAutoCommit(true);
        try (var st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
        return seconds(start);
    }

    private static void add(EnrichedArticle a, PreparedStatement article, PreparedStatement entity, PreparedStatement alias,
                            PreparedStatement link, PreparedStatement date) throws SQLException {
        UUID id = UUID.fromString(a.id());
        Instant published = a.publishedAt().value() == null ? null
                : LocalDate.parse(a.publishedAt().value()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Timestamp sortAt = Timestamp.from(published != null ? published : a.receivedAt());
        article.setObject(1, id);
        article.setString(2, a.externalId());
        article.setString(3, a.url());
        article.setString(4, a.source());
        article.setString(5, a.title());
        article.setString(6, a.text());
        article.setString(7, a.language());
        article.setString(8, a.publishedAt().value());
        article.setString(9, a.publishedAt().basis().name());
        article.setTimestamp(10, published == null ? null : Timestamp.from(published));
        article.setTimestamp(11, Timestamp.from(a.receivedAt()));
        article.setTimestamp(12, Timestamp.from(a.receivedAt()));
        article.setTimestamp(13, sortAt);
        article.setString(14, a.enrichment().version());
        article.setLong(15, a.enrichment().tookMs());
        article.setString(16, json(a.dates()));
        article.addBatch();
        int position = 0;
        for (Entity e : a.entities()) {
            entity.setString(1, e.key());
            entity.setString(2, e.name());
            entity.setString(3, e.type().name());
            entity.addBatch();
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(e.name());
            e.mentions().forEach(m -> aliases.add(m.text()));
            for (String s : aliases) {
                alias.setString(1, e.key());
                alias.setString(2, s);
                alias.addBatch();
            }
            link.setObject(1, id);
            link.setString(2, e.key());
            link.setString(3, e.name());
            link.setString(4, e.type().name());
            link.setString(5, e.subtype());
            link.setInt(6, ++position);
            link.setString(7, json(e.mentions()));
            link.setInt(8, e.mentions().size());
            link.setInt(9, e.mentions().get(0).start());
            link.setTimestamp(10, sortAt);
            link.addBatch();
        }
        for (DateMention d : a.dates()) {
            LocalDate[] span = span(d.value());
            date.setObject(1, id);
            date.setInt(2, d.start());
            date.setString(3, d.value());
            date.setString(4, d.type());
            date.setBoolean(5, d.resolved());
            date.setObject(6, span[0], Types.DATE);
            date.setObject(7, span[1], Types.DATE);
            date.addBatch();
        }
    }

    /** The days a generated value covers: a day, a month or a year (the only forms the corpus writes). */
    static LocalDate[] span(String value) {
        return switch (value.length()) {
            case 10 -> new LocalDate[]{LocalDate.parse(value), LocalDate.parse(value)};
            case 7 -> {
                YearMonth m = YearMonth.parse(value);
                yield new LocalDate[]{m.atDay(1), m.atEndOfMonth()};
            }
            default -> {
                int year = Integer.parseInt(value);
                yield new LocalDate[]{LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
