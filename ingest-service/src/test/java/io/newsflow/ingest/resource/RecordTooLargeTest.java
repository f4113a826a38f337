package io.newsflow.ingest.resource;

import io.newsflow.infra.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A record Kafka refuses as too large is the article's fault, not the broker's: 413 problem+json (never 503 with
 * Retry-After, which made clients retry forever), and in a batch only that line is rejected. The producer's limit
 * is lowered here so that a body within the body limit exceeds it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(RecordTooLargeTest.SmallRecords.class)
class RecordTooLargeTest {

    public static class SmallRecords implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.articles-raw.max.request.size", "20000");
        }
    }

    private static String article(int textLength) {
        return "{\"text\":\"" + UUID.randomUUID() + " " + "word ".repeat(textLength / 5) + "\"}";
    }

    @Test
    void anArticleTooLargeForKafkaIs413NotA503() {
        given().header("Authorization", "Bearer test-key").contentType(ContentType.JSON).body(article(40_000))
                .post("/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body("detail", containsString("too large for Kafka"))
                .body("detail", containsString("max.request.size"));
    }

    @Test
    void inABatchOnlyTheTooLargeLineIsRejected() {
        String batch = article(100) + "\n" + article(40_000) + "\n";
        given().header("Authorization", "Bearer test-key").contentType("application/x-ndjson; charset=utf-8")
                .body(batch.getBytes(StandardCharsets.UTF_8)).post("/articles/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].id", notNullValue())
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].error", containsString("too large for Kafka"));
        // all lines too large: still the article's fault, not a broker outage
        given().header("Authorization", "Bearer test-key").contentType("application/x-ndjson; charset=utf-8")
                .body((article(40_000) + "\n").getBytes(StandardCharsets.UTF_8)).post("/articles/batch")
                .then().statusCode(200).body("rejected", equalTo(1));
    }
}
