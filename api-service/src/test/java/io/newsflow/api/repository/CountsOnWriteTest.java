package io.newsflow.api.repository;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.api.service.ArticleStore.Incoming;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The counts kept on write (V15: entity_month, source_count, entity.article_count / mention_count) stay equal to what
 * the article rows say, after storing, storing a new version, deleting, and storing from many threads at once, on real
 * PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CountsOnWriteTest {

    @Inject
    ArticleStore store;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    /** A name of its own per test, so that tests sharing the database do not meet. */
    private final String run = "counts" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void timelinesAndSourcesFollowANewVersionOfAnArticleAndItsDeletion() throws SQLException {
        String x = run + "-x";
        String y = run + "-y";
        String text = "Zorbin met Quell on March 30, 2019. In April 2019 and in 2019 they talked.";
        EnrichedArticle first = Articles.article("First", text, run + "-wire", "2019-04-12",
                List.of(person(text, x, "Zorbin")),
                List.of(Articles.date(text, "March 30, 2019", "2019-03-30"), Articles.date(text, "April 2019", "2019-04"),
                        Articles.date(text, "2019", "2019")));
        store.store(first);

        given().get("/entities/" + person(x)).then().statusCode(200)
                .body("articleCount", equalTo(1))
                .body("timeline.date", contains("2019-04")).body("timeline.articles", contains(1))
                // a day and a month count, the year is too vague to place
                .body("mentionedTimeline.date", contains("2019-03", "2019-04")).body("mentionedTimeline.articles", contains(1, 1));
        // the spans the mentioned-date filter finds the link by (V16) hold every date, the year too
        assertThat(rows("SELECT mentioned_spans FROM article_entity WHERE entity_key = ?", person(x)))
                .containsExactly("{[2019-01-01,2020-01-01)}");
        given().queryParam("q", run).get("/sources").then().statusCode(200)
                .body("items.source", contains(run + "-wire")).body("items.articleCount", contains(1))
                .body("items[0].latestPublishedAt", startsWith("2019-04-12"));

        // a new version of the same article: another source, date, entity and dates
        String text2 = "Quell alone in January 2020.";
        EnrichedArticle second = new EnrichedArticle(1, first.id(), null, null, run + "-agency", "Second", text2, "en",
                new EnrichedArticle.PublishedAt("2020-01-05", EnrichedArticle.Basis.given), first.receivedAt(),
                List.of(person(text2, y, "Quell")), List.of(Articles.date(text2, "January 2020", "2020-01")), first.enrichment());
        store.store(second);

        given().get("/entities/" + person(x)).then().statusCode(200)
                .body("articleCount", equalTo(0)).body("timeline", empty()).body("mentionedTimeline", empty());
        given().get("/entities/" + person(y)).then().statusCode(200)
                .body("timeline.date", contains("2020-01")).body("mentionedTimeline.date", contains("2020-01"));
        assertThat(rows("SELECT mentioned_spans FROM article_entity WHERE entity_key = ?", person(y)))
                .containsExactly("{[2020-01-01,2020-02-01)}");
        given().queryParam("q", run).get("/sources").then().statusCode(200)
                .body("items.source", contains(run + "-agency")).body("items.articleCount", contains(1));
        assertCountsMatchTheRows();

        // deleting the article (its link and date rows go by cascade) takes its counts with it
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("DELETE FROM article WHERE id = ?")) {
            st.setObject(1, UUID.fromString(first.id()));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        given().get("/entities/" + person(y)).then().statusCode(200)
                .body("articleCount", equalTo(0)).body("timeline", empty()).body("mentionedTimeline", empty());
        given().queryParam("q", run).get("/sources").then().statusCode(200).body("items", empty());
        assertCountsMatchTheRows();
    }

    @Test
    void aBatchOfArticlesSharingEntitiesIsCountedOncePerArticle() throws SQLException {
        List<Incoming> batch = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String text = "Alvar and Brisk met on May " + i + ", 2019.";
            batch.add(new Incoming(Articles.article("B" + i, text, run + "-batch", "2019-0" + (4 + i % 2) + "-1" + i,
                    List.of(person(text, run + "-alvar", "Alvar"), person(text, run + "-brisk", "Brisk")),
                    List.of(Articles.date(text, "May " + i + ", 2019", "2019-05-0" + i))), null));
        }
        store.storeAll(batch);

        given().get("/entities/" + person(run + "-alvar")).then().statusCode(200)
                .body("articleCount", equalTo(3))
                .body("timeline.date", contains("2019-04", "2019-05")).body("timeline.articles", contains(1, 2))
                .body("mentionedTimeline.date", contains("2019-05")).body("mentionedTimeline.articles", contains(3));
        given().queryParam("q", run).get("/sources").then().statusCode(200).body("items.articleCount", contains(3));
        assertCountsMatchTheRows();
    }

    /**
     * Writers in separate transactions at once, as api instances are: each stores batches of new articles linked to
     * entities every writer shares (in an order of its own) and replaces the links and dates of an article another
     * writer stored, with multi-row statements as ArticleRepository writes them. A deadlock is retried, as the
     * consumer does.
     */
    @Test
    void concurrentWritersOfSharedEntitiesAndSourcesAddUpExactly() throws Exception {
        int writers = 4;
        int batches = 8;
        List<String> keys = List.of("alvar", "brisk", "corra", "dunmor", "elsk").stream().map(e -> person(run + "-" + e)).toList();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO entity (key, name, type) SELECT k, k, 'PERSON' FROM unnest(?::text[]) AS k")) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            st.executeUpdate();
        }
        List<UUID> committed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (Connection c = connection()) {
                        c.setAutoCommit(false);
                        for (int b = 0; b < batches; b++) {
                            List<String> order = new ArrayList<>(keys);
                            Collections.rotate(order, writer + b);
                            List<UUID> fresh = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
                            UUID earlier = committed.isEmpty() ? null : committed.get((writer * 7 + b) % committed.size());
                            for (int attempt = 1; ; attempt++) {
                                try {
                                    writeBatch(c, fresh, order.subList(0, 3), run + "-s" + (b % 3), b);
                                    if (earlier != null) {
                                        restore(c, earlier, order.subList(2, 5), run + "-s" + (writer % 3), b);
                                    }
                                    c.commit();
                                    committed.addAll(fresh);
                                    break;
                                } catch (SQLException e) {
                                    c.rollback();
                                    if (!"40P01".equals(e.getSQLState()) || attempt == 50) {
                                        throw e;
                                    }
                                    // the writers lock shared rows over two statements on purpose: a deadlock is
                                    // expected now and then; a random pause keeps them from colliding again in step
                                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(10, 200));
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(committed).hasSize(writers * batches * 3);
        given().queryParam("q", run).get("/sources").then().statusCode(200)
                .body("items.articleCount.sum()", equalTo(writers * batches * 3));
        assertCountsMatchTheRows();
    }

    /** New articles with their links and dates, one statement per table, as ArticleRepository writes them. */
    private static void writeBatch(Connection c, List<UUID> ids, List<String> keys, String source, int batch) throws SQLException {
        String published = "2019-0" + (1 + batch % 9) + "-15";
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article (id, source, body, published_basis, published_at, received_at, stored_at, sort_at, dates)
                SELECT id, ?, 'text', 'given', CAST(? AS timestamptz), now(), now(), CAST(? AS timestamptz), '[]'
                FROM unnest(?::uuid[]) AS id""")) {
            st.setString(1, source);
            st.setString(2, published + "T00:00:00Z");
            st.setString(3, published + "T00:00:00Z");
            st.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            st.executeUpdate();
        }
        links(c, ids, keys, published.substring(0, 8) + "01", "2019-05-03");
        dates(c, ids, "2019-05-03");
    }

    /** A new version of a stored article: another source and date, its links and dates deleted and written again. */
    private static void restore(Connection c, UUID id, List<String> keys, String source, int batch) throws SQLException {
        String published = "2021-0" + (1 + batch % 9) + "-02";
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE article SET source = ?, published_at = CAST(? AS timestamptz), sort_at = CAST(? AS timestamptz) WHERE id = ?")) {
            st.setString(1, source);
            st.setString(2, published + "T00:00:00Z");
            st.setString(3, published + "T00:00:00Z");
            st.setObject(4, id);
            st.executeUpdate();
        }
        for (String table : List.of("article_entity", "article_date")) {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
                st.setObject(1, id);
                st.executeUpdate();
            }
        }
        String mentioned = (2019 + batch) + "-06-01";
        links(c, List.of(id), keys, published.substring(0, 8) + "01", mentioned);
        dates(c, List.of(id), mentioned);
    }

    /**
     * Links of the articles to the entities, with what ArticleRepository copies into each link from its article: the
     * publication month, and from the one date {@link #dates} gives it (a day) the month it falls in and its span of days.
     */
    private static void links(Connection c, List<UUID> ids, List<String> keys, String publishedMonth, String mentionedDay)
            throws SQLException {
        // the entity rows first, in key order, as ArticleRepository's entity upsert takes them: otherwise two writers
        // share-lock an entity for the link's foreign key and then both wait to update its counts, a deadlock every time
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM entity WHERE key = ANY (?::text[]) ORDER BY key FOR UPDATE")) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            st.executeQuery().close();
        }
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article_entity (article_id, entity_key, name, type, mention_count, first_offset, sort_at, position,
                                            mentions, published_month, mentioned_months, mentioned_spans)
                SELECT id, k, k, 'PERSON', 2, 0, now(), 1, '[]', CAST(? AS date),
                       ARRAY[date_trunc('month', day)::date], datemultirange(daterange(day, day, '[]'))
                FROM unnest(?::uuid[]) AS id, unnest(?::text[]) AS k, (VALUES (CAST(? AS date))) AS m(day)""")) {
            st.setString(1, publishedMonth);
            st.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            st.setArray(3, c.createArrayOf("text", keys.toArray()));
            st.setString(4, mentionedDay);
            st.executeUpdate();
        }
    }

    private static void dates(Connection c, List<UUID> ids, String day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO article_date (article_id, start_offset, value, type, resolved, date_from, date_to)
                SELECT id, 0, ?, 'DATE', true, CAST(? AS date), CAST(? AS date) FROM unnest(?::uuid[]) AS id""")) {
            st.setString(1, day);
            st.setString(2, day);
            st.setString(3, day);
            st.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            st.executeUpdate();
        }
    }

    /** Every kept count of this test's entities and sources equals the count of the rows, recomputed. */
    private void assertCountsMatchTheRows() throws SQLException {
        String pattern = "%" + run + "%";
        assertThat(rows("""
                SELECT e.key, e.article_count, e.mention_count, coalesce(c.n, 0), coalesce(c.m, 0) FROM entity e
                LEFT JOIN (SELECT entity_key, count(*) AS n, sum(mention_count) AS m FROM article_entity GROUP BY entity_key) c
                       ON c.entity_key = e.key
                WHERE e.key LIKE ? AND (e.article_count <> coalesce(c.n, 0) OR e.mention_count <> coalesce(c.m, 0))""", pattern))
                .as("entities whose counts differ from their link rows").isEmpty();
        String truth = """
                SELECT entity_key, month, sum(p) AS published, sum(m) AS mentioned FROM (
                    SELECT ae.entity_key, date_trunc('month', a.published_at AT TIME ZONE 'UTC')::date AS month, 1 AS p, 0 AS m
                    FROM article_entity ae JOIN article a ON a.id = ae.article_id WHERE a.published_at IS NOT NULL
                    UNION ALL
                    SELECT ae.entity_key, d.month, 0, 1 FROM article_entity ae JOIN (
                        SELECT DISTINCT article_id, date_trunc('month', date_from)::date AS month FROM article_date
                        WHERE date_from IS NOT NULL AND date_to - date_from < 31) d ON d.article_id = ae.article_id) t
                WHERE entity_key LIKE ? GROUP BY entity_key, month""";
        String kept = "SELECT entity_key, month, published, mentioned FROM entity_month WHERE entity_key LIKE ?";
        assertThat(rows("(" + truth + ") EXCEPT (" + kept + ")", pattern, pattern)).as("months missing or wrong").isEmpty();
        assertThat(rows("(" + kept + ") EXCEPT (" + truth + ")", pattern, pattern)).as("months kept but not in the rows").isEmpty();
        // the spans of days a link is found by for mentioned dates (V16): those of every date of its article with a start
        assertThat(rows("""
                SELECT ae.article_id, ae.entity_key, ae.mentioned_spans FROM article_entity ae
                WHERE ae.entity_key LIKE ? AND ae.mentioned_spans <> coalesce(
                    (SELECT range_agg(daterange(d.date_from, d.date_to, '[]')) FROM article_date d
                     WHERE d.article_id = ae.article_id AND d.date_from IS NOT NULL), '{}')""", pattern))
                .as("links whose date spans are not their article's dates").isEmpty();
        String sources = "SELECT source, count(*) FROM article WHERE source LIKE ? GROUP BY source";
        String keptSources = "SELECT source, articles FROM source_count WHERE source LIKE ?";
        assertThat(rows("(" + sources + ") EXCEPT (" + keptSources + ")", pattern, pattern)).as("sources missing or wrong").isEmpty();
        assertThat(rows("(" + keptSources + ") EXCEPT (" + sources + ")", pattern, pattern)).as("sources kept but empty").isEmpty();
    }

    private List<String> rows(String sql, String... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.append(col > 1 ? " | " : "").append(rs.getString(col));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }

    private static Entity person(String text, String slug, String name) {
        return Articles.entity(text, person(slug), name, EntityType.PERSON, name);
    }

    private static String person(String slug) {
        return "person:" + slug;
    }
}
