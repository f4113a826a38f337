package io.newsflow.ingest.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Each key has its own bucket: a key over its rate gets 429 with Retry-After, other keys do not notice, and a
 * request without a valid key is told 401 (not 429). The bodies are invalid on purpose: the limit runs before the
 * body is looked at, and no broker is needed to show it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SlowKeys.class)
class RateLimitTest {

    public static class SlowKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one request an hour after a burst of two: no refill can happen while the test runs
            return Map.of("newsflow.ingest.rate-limit.requests", "1",
                    "newsflow.ingest.rate-limit.period", "1h",
                    "newsflow.ingest.rate-limit.burst", "2",
                    "kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    private static io.restassured.response.ValidatableResponse post(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body("{")
                .post("/articles").then();
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
