package io.newsflow.api.resource;

import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At most newsflow.api.max-stream-clients clients on GET /stream; beyond it 503 + Retry-After; a client that goes frees its slot. */
@QuarkusTest
@TestProfile(StreamClientCapTest.TwoClients.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StreamClientCapTest {

    public static class TwoClients implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.api.max-stream-clients", "2");
        }
    }

    @TestHTTPResource("/stream")
    URL streamUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientsBeyondTheCapGet503WithRetryAfterAndASlotFreesWhenAClientGoes() throws Exception {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            open.add(connect());
            open.add(connect());
            assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));

            HttpResponse<InputStream> refused = connect();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            String problem = new String(refused.body().readAllBytes());
            assertThat(problem).contains("\"status\":503").contains("max-stream-clients");

            // one client leaves: its slot is free again (the server sees the closed connection shortly after)
            open.remove(0).body().close();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<InputStream> again = connect();
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
            HttpResponse<InputStream> third = connect();
            assertThat(third.statusCode()).isEqualTo(503);
            third.body().close();
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
        }
    }

    private HttpResponse<InputStream> connect() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(streamUrl.toString())).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
