package io.newsflow.api.messaging;

import io.newsflow.api.Articles;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.LocalPostgres;
import io.newsflow.infra.PostgresTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Ownership as revisions (issue 18): every stored version that a version with other content replaces is kept, with the
 * label of the ingest key that submitted it (header newsflow-submitted-by), on real Kafka and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ArticleRevisionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    EntityManager em;

    @Test
    void replacedVersionsAreKeptNewestFirstWithTheirSubmittersAndRedeliveryKeepsNothing() throws Exception {
        EnrichedArticle first = Articles.article("First title", "The first text.", "wire", "2019-04-12", List.of(), List.of());
        send(first, "alice");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then().statusCode(200)
                .body("submittedBy", equalTo("alice")).body("revisions", equalTo(0)));
        given().get("/articles/" + first.id() + "/revisions").then().statusCode(200).body("items.size()", equalTo(0));

        // another key sends the same article (same id) with other content
        EnrichedArticle second = version(first, "Second title", "The text, rewritten.", "https://example.com/x", "2019-04-13");
        send(second, "mallory");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then().statusCode(200)
                .body("title", equalTo("Second title")).body("submittedBy", equalTo("mallory")).body("revisions", equalTo(1)));
        JsonPath revisions = given().get("/articles/" + first.id() + "/revisions").then().statusCode(200).extract().jsonPath();
        assertThat(revisions.getInt("items[0].revision")).isEqualTo(1);
        assertThat(revisions.getString("items[0].title")).isEqualTo("First title");
        assertThat(revisions.getString("items[0].text")).isEqualTo("The first text.");
        assertThat(revisions.getString("items[0].source")).isEqualTo("wire");
        assertThat(revisions.getString("items[0].publishedAt.value")).isEqualTo("2019-04-12");
        assertThat(revisions.getString("items[0].publishedAt.basis")).isEqualTo("given");
        assertThat(revisions.getString("items[0].submittedBy")).isEqualTo("alice");
        assertThat(revisions.getString("items[0].storedAt")).isNotBlank();
        assertThat(revisions.getString("items[0].replacedAt")).isNotBlank();

        // the identical record again (redelivery, a resend by another key, a reprocess that changes only entities): no revision
        send(second, "mallory");
        send(second, "bob");
        EnrichedArticle marker = Articles.article("Marker", "After the redeliveries.", "wire", null, List.of(), List.of());
        send(marker, "alice");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + marker.id()).then().statusCode(200));
        given().get("/articles/" + first.id()).then().body("revisions", equalTo(1)).body("submittedBy", equalTo("mallory"));
        assertThat(count("SELECT count(*) FROM article_revisions WHERE article_id = cast(?1 AS uuid)", first.id())).isEqualTo(1);

        // only the publication date changes: that is other content too; the list is newest first and pages
        EnrichedArticle third = version(second, second.title(), second.text(), second.url(), "2019-04-14");
        send(third, "bob");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then()
                .body("revisions", equalTo(2)).body("submittedBy", equalTo("bob")));
        given().get("/articles/" + first.id() + "/revisions").then().statusCode(200)
                .body("items.revision", contains(2, 1))
                .body("items.submittedBy", contains("mallory", "alice"))
                .body("items.title", contains("Second title", "First title"));
        JsonPath page1 = given().queryParam("limit", 1).get("/articles/" + first.id() + "/revisions").then().extract().jsonPath();
        assertThat(page1.getList("items.revision", Integer.class)).containsExactly(2);
        given().queryParam("limit", 1).queryParam("cursor", page1.getString("next")).get("/articles/" + first.id() + "/revisions")
                .then().body("items.revision", contains(1)).body("next", equalTo(null));
    }

    @Test
    void aVersionAnotherInstanceIsStoringMeanwhileIsKeptToo() throws Exception {
        EnrichedArticle first = Articles.article("Locked title", "Locked text.", "wire", "2019-04-12", List.of(), List.of());
        send(first, "alice");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then().statusCode(200));
        try (Connection other = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "")) {
            // another api instance has stored a new version of the article and not committed yet ...
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement(
                    "UPDATE article SET title = 'Meanwhile', submitted_by = 'carol' WHERE id = cast(? AS uuid)")) {
                st.setString(1, first.id());
                st.executeUpdate();
            }
            // ... while this one gets the first version again: the same as what it read, not as what it will replace
            send(first, "alice");
            String waiting = "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()";
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (var st = other.createStatement(); var rs = st.executeQuery(waiting)) {
                    return rs.next();
                }
            });
            other.commit();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then()
                .body("title", equalTo("Locked title")).body("revisions", equalTo(1)).body("submittedBy", equalTo("alice")));
        given().get("/articles/" + first.id() + "/revisions").then()
                .body("items.title", contains("Meanwhile")).body("items.submittedBy", contains("carol"));
    }

    @Test
    void twoVersionsInOneBatchKeepTheFirstAsARevision() throws Exception {
        EnrichedArticle first = Articles.article("Batch one", "One.", "wire", "2019-04-12", List.of(), List.of());
        EnrichedArticle later = version(first, "Batch two", "Two.", null, "2019-04-12");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 60_000),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            for (var v : List.of(Map.entry(first, "alice"), Map.entry(later, "mallory"))) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ENRICHED, 0, v.getKey().id(),
                        EventJson.mapper().writeValueAsString(v.getKey()));
                record.headers().add(Telemetry.SUBMITTED_BY, v.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + first.id()).then().statusCode(200)
                .body("title", equalTo("Batch two")).body("revisions", equalTo(1)).body("submittedBy", equalTo("mallory")));
        given().get("/articles/" + first.id() + "/revisions").then()
                .body("items.title", contains("Batch one")).body("items.submittedBy", contains("alice"));
    }

    @Test
    void withoutTheHeaderTheSubmitterIsUnknownAndUnknownArticlesHaveNoRevisions() throws Exception {
        EnrichedArticle a = Articles.article("Anonymous", "No header.", "wire", null, List.of(), List.of());
        new TopicClient(bootstrap).send(Topics.ENRICHED, a.id(), EventJson.mapper().writeValueAsString(a));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + a.id()).then().statusCode(200)
                .body("submittedBy", equalTo(null)).body("revisions", equalTo(0)));
        given().get("/articles/" + UUID.randomUUID() + "/revisions").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/articles/not-a-uuid/revisions").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theSubmitterLabelIsKeptPrintableAndShort() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(Telemetry.SUBMITTED_BY, ("sha256:abc\u0000\u0007" + "x".repeat(500)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EnrichedArticleConsumer.submittedBy(headers)).startsWith("sha256:abcxxx").hasSize(200);
        assertThat(EnrichedArticleConsumer.submittedBy(new org.apache.kafka.common.header.internals.RecordHeaders())).isNull();
    }

    private void send(EnrichedArticle a, String submittedBy) throws Exception {
        new TopicClient(bootstrap).send(Topics.ENRICHED, a.id(), EventJson.mapper().writeValueAsString(a),
                Map.of(Telemetry.SUBMITTED_BY, submittedBy));
    }

    private static EnrichedArticle version(EnrichedArticle a, String title, String text, String url, String publishedAt) {
        return new EnrichedArticle(1, a.id(), a.externalId(), url, a.source(), title, text, "en",
                new EnrichedArticle.PublishedAt(publishedAt, EnrichedArticle.Basis.given), a.receivedAt(), List.of(), List.of(),
                a.enrichment());
    }

    private long count(String sql, String id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
