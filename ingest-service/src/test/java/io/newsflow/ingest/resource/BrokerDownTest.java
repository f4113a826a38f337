package io.newsflow.ingest.resource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With no broker to acknowledge, ingest must answer 503 with Retry-After, never a 202. */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.articles-raw.max.block.ms", "2000",
                    "newsflow.ingest.publish-timeout", "4s");
        }
    }

    @Test
    void unacknowledgedArticleGets503WithRetryAfter() {
        given().header("Authorization", "Bearer test-key").contentType(ContentType.JSON)
                .body("{\"text\":\"Khalifa Haftar\"}")
                .post("/articles")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("status", equalTo(503));
    }

    @Test
    void batchThatNothingOfGotThroughIs503() {
        // NDJSON is UTF-8 only; REST Assured would otherwise label it ISO-8859-1
        given().header("Authorization", "Bearer test-key").contentType("application/x-ndjson; charset=utf-8")
                .body(ArticleResourceTest.bytes("{\"text\":\"one\"}\n{\"text\":\"two\"}\n"))
                .post("/articles/batch")
                .then().statusCode(503).header("Retry-After", "5");
    }
}
