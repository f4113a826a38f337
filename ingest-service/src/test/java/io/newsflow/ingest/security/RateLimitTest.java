package io.newsflow.ingest.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * Each key has its own bucket: a key over its rate gets 429 with Retry-After, other keys do not notice, and a
 * request without a valid key is told 401 (not 429). A batch takes one token per article. The bodies are invalid on purpose: the limit runs before the
 * body is looked at, and no broker is needed to show it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SlowKeys.class)
class RateLimitTest {

    public static class SlowKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one request an hour after a burst of two: no refill can happen while the test runs
            return Map.of("newsflow.ingest.api-keys", "test-key,"
                            + "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,batch-a,batch-b,batch-c",
                    "newsflow.ingest.rate-limit.requests", "1",
                    "newsflow.ingest.rate-limit.period", "1h",
                    "newsflow.ingest.rate-limit.burst", "2",
                    "kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    private static io.restassured.response.ValidatableResponse post(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body("{")
                .post("/articles").then();
    }

    private static io.restassured.response.ValidatableResponse postBatch(String key, int lines) {
        // lines that are not JSON: each is rejected on its own (200), no broker needed, but each still counts
        return given().header("Authorization", "Bearer " + key).contentType("application/x-ndjson; charset=utf-8")
                .body("not json\n".repeat(lines).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/articles/batch").then();
    }

    @Test
    void aBatchTakesOneTokenPerArticle() {
        postBatch("batch-b", 2).statusCode(200).body("rejected", equalTo(2));
        // the batch took both tokens of the burst: the next single post waits
        post("Bearer batch-b").statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void aBatchNeedingMoreTokensThanAreLeftGets429WithRetryAfter() {
        post("Bearer batch-c").statusCode(400); // one of two tokens used
        postBatch("batch-c", 2).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("a batch counts each of its articles"));
    }

    @Test
    void aBatchLargerThanTheWholeBurstIsToldSoWithoutRetryAfter() {
        postBatch("batch-a", 3).statusCode(413).contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("detail", containsString("The batch holds 3 articles"))
                .body("detail", containsString("at most 2"))
                .body("detail", containsString("NEWSFLOW_INGEST_RATE_LIMIT_BURST"));
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysDoNot() {
        post("Bearer test-key").statusCode(400);
        post("Bearer test-key").statusCode(400);
        post("Bearer test-key").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("status", equalTo(429));

        post("Bearer test").statusCode(400); // the other configured key has its own bucket
        post("Bearer wrong-key").statusCode(401);
        given().get("/q/health/live").then().statusCode(200); // operations endpoints are never limited
    }
}
