package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** GET /stream pushes each newly stored article; the UI is served under a strict CSP. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StreamResourceTest {

    @Inject
    ArticleStore store;

    @TestHTTPResource("/stream")
    URL streamUrl;

    @Test
    void newlyStoredArticleIsPushedAsAnArticleEvent() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(streamUrl.toString()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        EnrichedArticle article = Articles.article("Live one", "A live article about Tripoli.", "live", "2019-04-12", List.of(), List.of());

        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readEventFor(response.body(), article.id()));
        Thread.sleep(500); // the subscription is open before the article is stored
        store.store(article);

        String event = received.get(30, TimeUnit.SECONDS);
        assertThat(event).contains("event:article").contains("\"title\":\"Live one\"").contains("\"source\":\"live\"");
        response.body().close();
    }

    @Test
    void webUiIsServedWithAStrictContentSecurityPolicy() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The first event of the stream that names the article id (also CurationTest's). */
    static String readEventFor(InputStream body, String id) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder event = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event.toString().contains(id)) {
                        return event.toString().replace("event: ", "event:");
                    }
                    event.setLength(0);
                } else {
                    event.append(line).append('\n');
                }
            }
            throw new AssertionError("stream ended without the article");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
