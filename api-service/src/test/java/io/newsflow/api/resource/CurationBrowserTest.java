package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EntityType;
import io.newsflow.infra.BrowserTools;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The curation UI in real Chromium (Debian's, as the end-to-end browser journey uses, driven by playwright-core from
 * npm): merge "Putin" into "Vladimir Putin" on the entity page and see one entity with both aliases, then undo it from
 * the history ({@code src/test/ui/curation.mjs}). Skipped where Chromium or Node.js is missing.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestProfile(CurationBrowserTest.WithWriteKey.class)
class CurationBrowserTest {

    private static final String WRITE_KEY = "browser-write-key";

    public static class WithWriteKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.api.write-keys", WRITE_KEY);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    ArticleStore store;

    @Test
    void mergingPutinIntoVladimirPutinShowsOneEntityWithBothAliases() throws Exception {
        Path work = Path.of("target/ui-node").toAbsolutePath();
        BrowserTools.prepare(work, Path.of("src/test/ui/curation.mjs")).ifPresent(Assumptions::abort);

        // two people named Putin are known first, so the surname alone joins neither by itself (EntityIdentities):
        // the analyst decides
        String t1 = "Igor Putin opened a bank in Moscow.";
        String t2 = "Vladimir Putin met the press in Sochi.";
        String t3 = "Putin spoke in Moscow on Tuesday.";
        for (EnrichedArticle a : List.of(
                Articles.article("Igor Putin opens a bank", t1, "browser", "2019-05-02",
                        List.of(Articles.entity(t1, "person:igor-putin", "Igor Putin", EntityType.PERSON, "Igor Putin")), List.of()),
                Articles.article("Vladimir Putin meets the press", t2, "browser", "2019-05-03",
                        List.of(Articles.entity(t2, "person:vladimir-putin", "Vladimir Putin", EntityType.PERSON, "Vladimir Putin")),
                        List.of()),
                Articles.article("Putin speaks", t3, "browser", "2019-05-04",
                        List.of(Articles.entity(t3, "person:putin", "Putin", EntityType.PERSON, "Putin")), List.of()))) {
            store.store(a);
        }

        String baseUrl = base.toString().replaceAll("/$", "");
        Process node = new ProcessBuilder("node", work.resolve("curation.mjs").toString(), baseUrl,
                Path.of("target/ui-screenshots").toAbsolutePath().toString(), WRITE_KEY)
                .directory(work.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("the browser test finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();

        // what the browser did, as the API tells it: the merge, then its undo
        given().get("/curations").then().body("items.operation", contains("undo", "merge"))
                .body("items[1].entity", equalTo("person:putin")).body("items[1].target", equalTo("person:vladimir-putin"));
        given().get("/entities/person:putin").then().statusCode(200).body("key", equalTo("person:putin"));
    }
}
