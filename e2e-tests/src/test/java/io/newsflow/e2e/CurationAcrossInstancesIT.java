package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventJson;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.LocalPostgres;
import io.newsflow.infra.ServiceProcess;
import io.newsflow.infra.TopicClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two api-service instances on one database and one consumer group (issue 17, "two api-service instances see the same
 * corrections at once"): a correction made through instance A shows on instance B at once, and B applies it to the
 * articles it stores after it. Neither instance keeps corrections in memory; this proves it of the packaged services.
 * Only Kafka, PostgreSQL and the two api instances run (the articles go to articles.enriched as enrich would send them).
 */
class CurationAcrossInstancesIT {

    private static final String WRITE_KEY = "e2e-write-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static InJvmKafka kafka;
    private static LocalPostgres postgres;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void startTwoApiInstances() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", ".."));
        kafka = InJvmKafka.start();
        postgres = LocalPostgres.startEphemeral();
        Map<String, String> env = new HashMap<>(postgres.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("NEWSFLOW_API_WRITE_KEYS", WRITE_KEY);
        a = ServiceProcess.start(root, "api-service", "256m", env);
        b = ServiceProcess.start(root, "api-service", "256m", env);
        a.awaitReady(Duration.ofSeconds(120));
        b.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[]{a, b, postgres, kafka}) { // the services before what they use
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void aCorrectionMadeThroughOneInstanceIsAppliedByTheOtherToArticlesItStoresLater() throws Exception {
        String misread = "Qorvat Holdings";
        String key = "person:qorvat-holdings";
        EnrichedArticle first = article(misread + " rose on Monday.", key, misread);
        send(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(b, "/articles/" + first.id()) == 200);

        // the correction, through A
        HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(a.url() + "/entities/" + key))
                .header("Authorization", "Bearer " + WRITE_KEY).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Qorvat Holdings plc\",\"type\":\"ORGANIZATION\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        long editId = JSON.readTree(edit.body()).get("id").asLong();

        // B sees it at once: nothing to wait for
        JsonNode entity = get(b, "/entities/" + key);
        assertThat(entity.get("name").asText()).isEqualTo("Qorvat Holdings plc");
        assertThat(entity.get("type").asText()).isEqualTo("ORGANIZATION");
        assertThat(get(b, "/curations?entity=" + key).get("items").get(0).get("id").asLong()).isEqualTo(editId);

        // later articles as the extractor reads them, each shown corrected by B, until one was stored by B itself (the
        // two instances share the partitions of articles.enriched, so each stores about half)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        boolean storedByB = false;
        for (int i = 0; !storedByB; i++) {
            assertThat(Instant.now()).as("B stored none of %d articles", i).isBefore(deadline);
            double storedBefore = stored(a) + stored(b);
            double storedByBBefore = stored(b);
            EnrichedArticle later = article(misread + " fell on day " + i + ".", key, misread);
            send(later);
            await().atMost(Duration.ofSeconds(60)).until(() -> status(b, "/articles/" + later.id()) == 200
                    && stored(a) + stored(b) > storedBefore);
            JsonNode shown = get(b, "/articles/" + later.id()).get("entities").get(0);
            assertThat(shown.get("key").asText()).isEqualTo(key);
            assertThat(shown.get("name").asText()).isEqualTo("Qorvat Holdings plc");
            assertThat(shown.get("type").asText()).isEqualTo("ORGANIZATION");
            storedByB = stored(b) > storedByBBefore;
        }
    }

    /** An article naming the entity as the extractor misread it: a person. */
    private static EnrichedArticle article(String text, String key, String name) {
        Entity e = new Entity(key, name, EntityType.PERSON, null, List.of(new Entity.Mention(name, 0, name.length())));
        return new EnrichedArticle(1, UUID.randomUUID().toString(), null, null, "instances", text, text, "en",
                new EnrichedArticle.PublishedAt("2019-05-02", EnrichedArticle.Basis.given), Instant.now(), List.of(e), List.of(),
                new EnrichedArticle.Enrichment("test", 1));
    }

    private static void send(EnrichedArticle article) throws Exception {
        new TopicClient(kafka.bootstrapServers()).send(Topics.ENRICHED, article.id(), EventJson.mapper().writeValueAsString(article));
    }

    /** Articles the instance stored (committed), from its metrics. */
    private static double stored(ServiceProcess api) {
        return api.metric(Telemetry.PROM_ARTICLES_OUT);
    }

    private static int status(ServiceProcess api, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static JsonNode get(ServiceProcess api, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
