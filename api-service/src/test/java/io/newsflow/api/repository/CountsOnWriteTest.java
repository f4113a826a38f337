package io.newsflow.api.repository;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.api.service.ArticleStore.Incoming;
import io.newsflow.events.DateMention;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
    void concurrentStoresOfSharedEntitiesAndSourcesAddUpExactly() throws Exception {
        int threads = 4;
        int batches = 8;
        AtomicInteger retries = new AtomicInteger();
        List<EnrichedArticle> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<Incoming> batch = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            batch.add(new Incoming(article(thread, b, i), null));
                        }
                        // and a new version of an article another thread stored: its entities and dates change
                        if (stored.size() > thread) {
                            EnrichedArticle earlier = stored.get(stored.size() - 1 - thread);
                            batch.add(new Incoming(restored(earlier, b), null));
                        }
                        storeRetryingTransientFailures(batch, retries);
                        batch.forEach(in -> stored.add(in.article()));
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
        given().queryParam("q", run).get("/sources").then().statusCode(200)
                .body("items.articleCount.sum()", equalTo(threads * batches * 5));
        assertCountsMatchTheRows();
    }

    /** Five entities shared by every thread (so writers meet on the same rows), in an order of the thread's own. */
    private EnrichedArticle article(int thread, int batch, int i) {
        List<String> names = new ArrayList<>(List.of("Alvar", "Brisk", "Corra", "Dunmor", "Elsk"));
        java.util.Collections.rotate(names, thread + i);
        String text = String.join(" and ", names.subList(0, 3)) + " met on May " + (1 + i) + ", 2019.";
        List<Entity> entities = names.subList(0, 3).stream().map(n -> person(text, run + "-" + n.toLowerCase(), n)).toList();
        String day = "May " + (1 + i) + ", 2019";
        return Articles.article("T" + thread + " b" + batch + " #" + i, text, run + "-s" + (i % 2),
                "2019-0" + (1 + (thread + batch) % 9) + "-15", entities,
                List.of(Articles.date(text, day, "2019-05-0" + (1 + i))));
    }

    private EnrichedArticle restored(EnrichedArticle a, int batch) {
        String text = "Elsk and Alvar again in June " + (2019 + batch) + ".";
        List<Entity> entities = List.of(person(text, run + "-elsk", "Elsk"), person(text, run + "-alvar", "Alvar"));
        return new EnrichedArticle(1, a.id(), null, null, run + "-s" + (batch % 3), a.title(), text, "en",
                new EnrichedArticle.PublishedAt("2021-0" + (1 + batch) + "-02", EnrichedArticle.Basis.given), a.receivedAt(),
                entities, List.of(Articles.date(text, "June " + (2019 + batch), (2019 + batch) + "-06")), a.enrichment());
    }

    /** As the consumer does: a deadlock between writers of shared rows is transient, the batch is stored again. */
    private void storeRetryingTransientFailures(List<Incoming> batch, AtomicInteger retries) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.storeAll(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt == 10) {
                    throw e;
                }
                retries.incrementAndGet();
            }
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
