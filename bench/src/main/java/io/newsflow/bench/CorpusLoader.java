package io.newsflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EventJson;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a generated corpus straight into the api-service schema (migrated by the api-service's own Flyway
 * scripts), row for row as ArticleStore / ArticleRepository would, with COPY: a million articles in minutes.
 *
 * <p>Into an empty database only: the secondary indexes of the article tables are dropped for the load and built
 * again at its end (one sorted build instead of a million index insertions each), and the count triggers (V15) run
 * once per COPY of a chunk, as they would for one big batch of the api-service.
 */
final class CorpusLoader {

    private static final int ARTICLES_PER_CHUNK = 20_000;
    private static final List<String> LOADED_TABLES = List.of("article", "article_entity", "article_date");
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
    static double load(Connection c, Corpus corpus, int count) throws SQLException, IOException {
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("SET synchronous_commit = off");
            st.execute("SET maintenance_work_mem = '512MB'");
        }
        Map<String, String> indexes = dropSecondaryIndexes(c);
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Set<String> knownEntities = new HashSet<>();
        Set<List<String>> knownAliases = new HashSet<>();
        for (int from = 0; from < count; from += ARTICLES_PER_CHUNK) {
            List<EnrichedArticle> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + ARTICLES_PER_CHUNK); i++) {
                chunk.add(corpus.article(i));
            }
            insertNewEntities(c, chunk, knownEntities, knownAliases);
            Rows rows = new Rows();
            chunk.forEach(rows::add);
            copy.copyIn("COPY article (id, external_id, url, source, title, body, language, published_value, published_basis,"
                    + " published_at, received_at, stored_at, sort_at, enrichment_version, enrichment_took_ms, dates) FROM STDIN",
                    rows.articles.reader());
            copy.copyIn("COPY article_entity (article_id, entity_key, name, type, subtype, position, mentions, mention_count,"
                    + " first_offset, sort_at, published_month, mentioned_months, mentioned_spans) FROM STDIN", rows.links.reader());
            copy.copyIn("COPY article_date (article_id, start_offset, value, type, resolved, date_from, date_to) FROM STDIN",
                    rows.dates.reader());
            c.commit();
            int loaded = Math.min(count, from + ARTICLES_PER_CHUNK);
            if (loaded % 100_000 == 0 || loaded == count) {
                System.out.printf("  loaded %,d articles (%.0f/s)%n", loaded, loaded / seconds(start));
            }
        }
        c.setAutoCommit(true);
        long indexStart = System.nanoTime();
        try (Statement st = c.createStatement()) {
            for (String definition : indexes.values()) {
                st.execute(definition);
            }
            System.out.printf("  built %d indexes in %.0f s%n", indexes.size(), seconds(indexStart));
            st.execute("VACUUM ANALYZE");
        }
        return seconds(start);
    }

    /** Drops the non-unique indexes of the loaded tables; returns their definitions, to build them again. */
    private static Map<String, String> dropSecondaryIndexes(Connection c) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_index x ON x.indexrelid = to_regclass(quote_ident(i.indexname))
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(?) AND NOT x.indisunique ORDER BY i.indexname""")) {
            st.setArray(1, c.createArrayOf("text", LOADED_TABLES.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : definitions.keySet()) {
                st.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    /** The chunk's entities and aliases not written yet, in key order (they must exist before the links that name them). */
    private static void insertNewEntities(Connection c, List<EnrichedArticle> chunk, Set<String> knownEntities,
                                          Set<List<String>> knownAliases) throws SQLException {
        Map<String, Entity> entities = new TreeMap<>();
        Set<List<String>> aliases = new TreeSet<>(Comparator.<List<String>, String>comparing(a -> a.get(0)).thenComparing(a -> a.get(1)));
        for (EnrichedArticle a : chunk) {
            for (Entity e : a.entities()) {
                if (knownEntities.add(e.key())) {
                    entities.put(e.key(), e);
                }
                Set<String> forms = new LinkedHashSet<>();
                forms.add(e.name());
                e.mentions().forEach(m -> forms.add(m.text()));
                for (String form : forms) {
                    List<String> alias = List.of(e.key(), form);
                    if (knownAliases.add(alias)) {
                        aliases.add(alias);
                    }
                }
            }
        }
        try (PreparedStatement entity = c.prepareStatement("INSERT INTO entity (key, name, type) VALUES (?, ?, ?)");
             PreparedStatement alias = c.prepareStatement("INSERT INTO entity_alias (entity_key, alias) VALUES (?, ?)")) {
            for (Entity e : entities.values()) {
                entity.setString(1, e.key());
                entity.setString(2, e.name());
                entity.setString(3, e.type().name());
                entity.addBatch();
            }
            for (List<String> a : aliases) {
                alias.setString(1, a.get(0));
                alias.setString(2, a.get(1));
                alias.addBatch();
            }
            entity.executeBatch();
            alias.executeBatch();
        }
    }

    /** One chunk's rows in COPY's text format. */
    private static final class Rows {
        final CopyText articles = new CopyText();
        final CopyText links = new CopyText();
        final CopyText dates = new CopyText();

        void add(EnrichedArticle a) {
            Instant published = a.publishedAt().value() == null ? null
                    : LocalDate.parse(a.publishedAt().value()).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant sortAt = published != null ? published : a.receivedAt();
            articles.row(a.id(), a.externalId(), a.url(), a.source(), a.title(), a.text(), a.language(), a.publishedAt().value(),
                    a.publishedAt().basis().name(), published, a.receivedAt(), a.receivedAt(), sortAt, a.enrichment().version(),
                    a.enrichment().tookMs(), json(a.dates()));
            // what the V15 counts need on each link: the publication month and the months of the dates (spans < 31 days);
            // what the V16 mentioned-date filter needs: the days the dates cover
            LocalDate publishedMonth = published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC).withDayOfMonth(1);
            Set<LocalDate> mentionedMonths = new TreeSet<>();
            List<String> mentionedSpans = new ArrayList<>();
            for (DateMention d : a.dates()) {
                LocalDate[] span = span(d.value());
                dates.row(a.id(), d.start(), d.value(), d.type(), d.resolved(), span[0], span[1]);
                if (ChronoUnit.DAYS.between(span[0], span[1]) < 31) {
                    mentionedMonths.add(span[0].withDayOfMonth(1));
                }
                mentionedSpans.add("[" + span[0] + "," + span[1] + "]");
            }
            String months = mentionedMonths.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
            String spans = "{" + String.join(",", mentionedSpans) + "}";
            int position = 0;
            for (Entity e : a.entities()) {
                links.row(a.id(), e.key(), e.name(), e.type().name(), e.subtype(), ++position, json(e.mentions()),
                        e.mentions().size(), e.mentions().get(0).start(), sortAt, publishedMonth, months, spans);
            }
        }
    }

    /** COPY text format: tab-separated, \N for null, backslash escapes for the separators. */
    private static final class CopyText {
        private final StringBuilder text = new StringBuilder();

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (values[i] == null) {
                    text.append("\\N");
                    continue;
                }
                String value = values[i].toString();
                for (int k = 0; k < value.length(); k++) {
                    char ch = value.charAt(k);
                    switch (ch) {
                        case '\\' -> text.append("\\\\");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        default -> text.append(ch);
                    }
                }
            }
            text.append('\n');
        }

        Reader reader() {
            return new StringReader(text.toString());
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
