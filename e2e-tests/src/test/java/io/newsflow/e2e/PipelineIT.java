package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.infra.ServiceProcess;
import io.newsflow.infra.ConsumerOffsets;
import io.newsflow.events.Telemetry;
import io.newsflow.events.TraceParent;
import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.LocalPostgres;
import io.newsflow.infra.PrometheusText;
import io.newsflow.infra.BrowserTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static io.newsflow.infra.ServiceProcess.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole system: the five seeds go to ingest over HTTP and come out of the query API, having passed
 * through Kafka, the enrich service, Kafka again and PostgreSQL, each service its own process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final String KEY = "e2e-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static InJvmKafka kafka;
    private static LocalPostgres postgres;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess enrich;
    private static ServiceProcess api;
    /** Whether the running enrich has the Chinese language pack (started by the reprocess test or the languages test). */
    private static boolean enrichHasLanguagePacks;
    /** Debug lines (one per article) so that the JSON logs can be checked for the article's MDC. */
    private static final Map<String, String> DEBUG_LOGS = Map.of("QUARKUS_LOG_CATEGORY__IO_NEWSFLOW__LEVEL", "DEBUG");

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", ".."));
        kafka = InJvmKafka.start();
        postgres = LocalPostgres.startEphemeral();
        Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        ingest = ServiceProcess.start(root, "ingest-service", "256m", environment(kafkaEnv, Map.of("NEWSFLOW_API_KEY", KEY)));
        enrich = ServiceProcess.start(root, "enrich-service", "1536m", environment(kafkaEnv, DEBUG_LOGS));
        api = ServiceProcess.start(root, "api-service", "384m", environment(kafkaEnv, DEBUG_LOGS, postgres.serviceEnvironment()));
        services.addAll(List.of(ingest, enrich, api));
        for (ServiceProcess s : services) {
            s.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess s : services) {
            s.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void seedsFlowFromIngestToTheQueryApi() throws Exception {
        Path seeds = Path.of(System.getProperty("newsflow.root", "..")).resolve("seeds");
        List<Path> files;
        try (Stream<Path> list = Files.list(seeds)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles?source=seeds"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        assertThat(ids).hasSize(5);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get("/articles?source=seeds&limit=50").get("items")).hasSize(5));

        for (String id : ids) {
            JsonNode article = get("/articles/" + id);
            assertThat(article.get("text").asText()).isNotBlank();
            assertThat(article.get("storedAt").asText()).isNotBlank();
            List<String> keys = new ArrayList<>();
            article.get("entities").forEach(e -> keys.add(e.get("key").asText()));
            assertThat(keys).as("entities of %s", id).contains("person:khalifa-haftar");
            assertThat(article.get("dates").size()).as("dates of %s", id).isPositive();
        }

        JsonNode haftar = get("/entities?q=" + URLEncoder.encode("Haftar", StandardCharsets.UTF_8)).get("items");
        List<JsonNode> people = new ArrayList<>();
        haftar.forEach(e -> {
            if ("PERSON".equals(e.get("type").asText())) {
                people.add(e);
            }
        });
        assertThat(people).as("PERSON entities matching Haftar: %s", haftar).hasSize(1);
        assertThat(people.get(0).get("key").asText()).isEqualTo("person:khalifa-haftar");
        assertThat(people.get(0).get("name").asText()).isEqualTo("Khalifa Haftar");
        assertThat(people.get(0).get("articleCount").asInt()).isEqualTo(5);

        JsonNode byEntity = get("/articles?entity=Haftar&limit=50");
        assertThat(byEntity.get("items")).hasSize(5);
        JsonNode entityPage = get("/entities/person:khalifa-haftar");
        assertThat(entityPage.get("related").size()).isPositive();
        assertThat(entityPage.get("timeline").size()).isPositive();

        // one entity per person across the seeds (issue 16): "Putin" alone is Vladimir Putin in every seed that says it
        for (String id : ids) {
            JsonNode article = get("/articles/" + id);
            String text = article.get("text").asText();
            if (!text.contains("Putin")) {
                continue;
            }
            List<String> putinMentions = new ArrayList<>();
            article.get("entities").forEach(e -> e.get("mentions").forEach(m -> {
                if (m.get("text").asText().contains("Putin")) {
                    assertThat(e.get("key").asText()).as("entity of \"%s\" in %s", m.get("text").asText(), id)
                            .isEqualTo("person:vladimir-putin");
                    putinMentions.add(m.get("text").asText());
                }
            }));
            assertThat(putinMentions).as("mentions of Putin in %s", id).isNotEmpty();
            if (text.replace("Vladimir Putin", "").contains("Putin")) {
                assertThat(putinMentions).as("Putin alone in %s", id).contains("Putin");
            }
        }
        assertOneEntity("Putin", "PERSON", "person:vladimir-putin");
        assertOneEntity("Haftar", "PERSON", "person:khalifa-haftar");
        assertOneEntity("Shoigu", "PERSON", "person:sergei-shoigu");
        assertOneEntity("Shoygu", "PERSON", "person:sergei-shoigu");
        assertOneEntity("Lavrov", "PERSON", "person:sergei-lavrov");
        assertOneEntity("Sarraj", "PERSON", "person:fayez-sarraj");
        assertOneEntity("GNA", "ORGANIZATION", "organization:government-of-national-accord");
    }

    /** Every entity of the type whose names or aliases contain {@code name} is the one with this key (none: none stored). */
    private static void assertOneEntity(String name, String type, String key) throws Exception {
        JsonNode items = get("/entities?limit=200&type=" + type + "&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).get("items");
        Set<String> keys = new TreeSet<>();
        items.forEach(e -> keys.add(e.get("key").asText()));
        assertThat(keys).as("%s entities named %s: %s", type, name, items).isSubsetOf(Set.of(key));
    }

    /** Real Chromium through the web UI, on the seeds stored by the test before. */
    @Test
    @Order(2)
    void browserJourneyThroughSearchArticleAndEntity() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", ".."));
        Path work = root.resolve("e2e-tests/target/ui-node");
        BrowserTools.prepare(work, root.resolve("e2e-tests/src/test/ui/journey.mjs")).ifPresent(Assumptions::abort);

        String hostile = "{\"title\":\"Markup in text\",\"source\":\"hostile\",\"text\":\"Khalifa Haftar wrote "
                + "<script>window.__pwned=1</script> and <img src=x onerror=\\\"window.__pwned=2\\\"> in Moscow.\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(hostile)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String hostileId = JSON.readTree(r.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/articles/" + hostileId).get("text").asText()).contains("<script>"));

        // articles in other languages: a German one for the language label, filter and German word forms, an
        // Arabic one for right-to-left text
        String german = ingestJson("{\"title\":\"Wahlen in Sachsen\",\"source\":\"languages\",\"language\":\"de\","
                + "\"text\":\"Nach den Wahlen beginnen in Dresden die Verhandlungen über eine neue Regierung.\"}");
        String arabic = ingestJson("{\"title\":\"الانتخابات في القاهرة\",\"source\":\"languages\",\"language\":\"ar\","
                + "\"text\":\"بدأت المفاوضات في القاهرة بعد الانتخابات.\"}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/articles?source=languages&limit=10").get("items")).hasSize(2));
        assertThat(get("/articles/" + german).get("language").asText()).isEqualTo("de");
        // the German stemmer: the singular finds the plural of the text
        assertThat(get("/articles?q=Wahl&language=de").get("items").get(0).get("id").asText()).isEqualTo(german);

        // an entity of the seeds linked to Wikipedia, for the link on the article and entity pages
        String[] linked = linkedEntityOfTheSeeds();

        Process node = new ProcessBuilder("node", work.resolve("journey.mjs").toString(), api.url(),
                root.resolve("e2e-tests/target/ui-screenshots").toString(), hostileId, german, arabic,
                linked[0], linked[1], linked[2])
                .directory(work.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("journey finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
    }

    /** The first seed article with an entity linked to a Wikipedia page: the article's id, the entity's key, the page's URL. */
    private static String[] linkedEntityOfTheSeeds() throws Exception {
        for (JsonNode item : get("/articles?source=seeds&limit=50").get("items")) {
            String id = item.get("id").asText();
            for (JsonNode e : get("/articles/" + id).get("entities")) {
                if (e.hasNonNull("link")) {
                    return new String[]{id, e.get("key").asText(), e.get("link").get("url").asText()};
                }
            }
        }
        throw new AssertionError("no seed has an entity linked to Wikipedia");
    }

    /** Sends one JSON article to ingest; its id. */
    private static String ingestJson(String article) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(article, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** One trace id from the ingest request to the stored row, in the JSON logs, and metrics that moved. */
    @Test
    @Order(3)
    void traceLogsAndMetricsFollowAnArticleThroughTheServices() throws Exception {
        TraceParent caller = TraceParent.newTrace();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .header(Telemetry.TRACEPARENT, caller.header())
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Traced\",\"text\":\"Khalifa Haftar flew to Cairo. "
                        + UUID.randomUUID() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = JSON.readTree(r.body()).get("id").asText();
        assertThat(TraceParent.parse(r.headers().firstValue(Telemetry.TRACEPARENT).orElse(null)))
                .hasValueSatisfying(t -> assertThat(t.traceId()).isEqualTo(caller.traceId()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/articles/" + id).get("traceId").asText()).isEqualTo(caller.traceId()));

        // JSON log lines (prod profile) carrying the article id and the trace id as fields
        for (ServiceProcess s : List.of(enrich, api)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jsonLogLines(s))
                    .as("%s log lines with articleId %s", s, id)
                    .anySatisfy(line -> {
                        assertThat(line.path(Telemetry.MDC_ARTICLE_ID).asText()).isEqualTo(id);
                        assertThat(line.path(Telemetry.MDC_TRACE_ID).asText()).isEqualTo(caller.traceId());
                        assertThat(line.path("level").asText()).isNotBlank();
                        assertThat(line.path("message").asText()).contains(id);
                    }));
        }

        // every metric family the dashboard may query is exported by a running service, and the counters moved
        Set<String> exported = new TreeSet<>();
        for (ServiceProcess s : services) {
            HttpResponse<String> m = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(m.statusCode()).isEqualTo(200);
            exported.addAll(PrometheusText.names(m.body()));
            Map<String, String> service = Map.of(Telemetry.TAG_SERVICE, s.toString());
            assertThat(PrometheusText.sum(m.body(), Telemetry.PROM_ARTICLES_IN, service)).as("%s articles in", s).isPositive();
            assertThat(PrometheusText.sum(m.body(), Telemetry.PROM_ARTICLES_OUT, service)).as("%s articles out", s).isPositive();
        }
        for (String family : Telemetry.PROMETHEUS_FAMILIES) {
            assertThat(exported.contains(family) || exported.contains(family + "_bucket")).as("%s is exported", family).isTrue();
        }
    }

    private static List<JsonNode> jsonLogLines(ServiceProcess s) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(s.log())) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /**
     * {@code ./newsflow reprocess}: with enrich stopped, its consumer group goes back to the start of articles.raw
     * and every article is enriched again and replaces its stored enrichment as a whole, under the same id. A
     * stale enrichment is planted in the database first (an entity row no extractor produced, dates missing, an old
     * version) as the state an improved extractor has to replace. enrich comes back with the Chinese language pack
     * configured, as an operator adding a language would start it, and the next test uses that instance: one start of
     * the slowest-starting enrich instead of two starts. The articles stored so far are in languages enrich had before
     * (English, German, Arabic), so their enrichment must come back exactly as it was.
     */
    @Test
    @Order(4)
    void reprocessReenrichesEverythingUnderTheSameIds() throws Exception {
        Map<String, String> before = enrichmentRows();
        assertThat(before).isNotEmpty();
        // as the api stored them: every link carries the spans of days its article's dates cover (V16)
        assertThat(links("NOT isempty(ae.mentioned_spans)")).isPositive();
        assertThat(links(SPANS_NOT_THOSE_OF_THE_ARTICLES_DATES)).isZero();
        try (Connection c = database(); var st = c.createStatement()) {
            st.execute("INSERT INTO entity (key, name, type) VALUES ('misc:stale', 'Stale', 'MISC') ON CONFLICT DO NOTHING");
            // a link as ArticleRepository writes one: with its article's sort time, publication month, and the months
            // and spans of days of its dates (V15, V16)
            st.execute("""
                    INSERT INTO article_entity (article_id, entity_key, name, type, position, mentions, mention_count,
                                                first_offset, sort_at, published_month, mentioned_months, mentioned_spans)
                    SELECT a.id, 'misc:stale', 'Stale', 'MISC', 1000, '[{"text": "Stale", "start": 0, "end": 5}]'::jsonb, 1, 0,
                           a.sort_at, date_trunc('month', a.published_at AT TIME ZONE 'UTC')::date, d.months, d.spans
                    FROM article a, LATERAL (
                        SELECT coalesce(array_agg(DISTINCT date_trunc('month', date_from)::date)
                                            FILTER (WHERE date_to - date_from < 31), '{}') AS months,
                               coalesce(range_agg(daterange(date_from, date_to, '[]')), '{}') AS spans
                        FROM article_date WHERE article_id = a.id AND date_from IS NOT NULL) d""");
            st.execute("DELETE FROM article_date");
            st.execute("UPDATE article SET enrichment_version = 'old-extractor'");
        }
        assertThat(enrichmentRows()).isNotEqualTo(before);
        assertThat(links(SPANS_NOT_THOSE_OF_THE_ARTICLES_DATES)).as("links whose dates went").isPositive();

        assertThatThrownBy(() -> ConsumerOffsets.resetToEarliest(kafka.bootstrapServers(), "newsflow-enrich", "articles.raw"))
                .as("Kafka refuses to move a group that has members").hasMessageContaining("stop its consumers first");
        assertThat(enrich.stop(Duration.ofSeconds(30))).isTrue();
        long replayed = ConsumerOffsets.resetToEarliest(kafka.bootstrapServers(), "newsflow-enrich", "articles.raw");
        assertThat(replayed).isEqualTo(before.size());
        startEnrichWithLanguagePacks();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(enrichmentRows()).isEqualTo(before));
        // the stale spans went with the stale dates: every link's spans are those of the dates enriched again
        assertThat(links(SPANS_NOT_THOSE_OF_THE_ARTICLES_DATES)).isZero();
    }

    /** Starts enrich (stopped before) with the Chinese language pack unpacked, configured and given its heap. */
    private static void startEnrichWithLanguagePacks() throws Exception {
        services.remove(enrich);
        Path packs = Path.of(System.getProperty("newsflow.language-packs", "target/language-packs")).toAbsolutePath();
        enrich = ServiceProcess.start(Path.of(System.getProperty("newsflow.root", "..")), "enrich-service", "3584m", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "NEWSFLOW_ENRICH_LANGUAGES", "en,de,es,fr,it,nl,zh",
                "NEWSFLOW_ENRICH_MODELS_DIR", packs.toString()));
        services.add(enrich);
        enrich.awaitReady(Duration.ofSeconds(300));
        enrichHasLanguagePacks = true;
    }

    /**
     * Articles in German, Spanish, French, Chinese and Russian (a language with dates but no NER model here) go the
     * whole way: each is stored with its language, the entities of its own language's model, and its dates; "Russland",
     * "Russie" and "Russia" are one entity; a German word form finds the German article.
     */
    @Test
    @Order(5)
    void articlesInOtherLanguagesAreEnrichedInTheirOwnLanguage() throws Exception {
        // Chinese is a language pack (README "Languages"): the reprocess test before started enrich with it; alone, this test does
        if (!enrichHasLanguagePacks) {
            assertThat(enrich.stop(Duration.ofSeconds(30))).isTrue();
            startEnrichWithLanguagePacks();
        }

        String german = ingestJson(article("Gespräche in Berlin", null,
                "Bundeskanzler Olaf Scholz hat am 12. April 2023 in Berlin mit dem Außenminister von Russland gesprochen. "
                        + "Die Gespräche über die Lage in der Ukraine sollen im Mai fortgesetzt werden, teilte die Bundesregierung "
                        + "am Mittwoch mit. Beobachter in Brüssel rechnen nicht mit einer schnellen Einigung."));
        String spanish = ingestJson(article("Sánchez viaja a París", null,
                "El presidente del Gobierno, Pedro Sánchez, viajó el 3 de marzo de 2023 a París para reunirse con el "
                        + "presidente francés. Ambos dirigentes hablaron de la guerra en Ucrania y de las sanciones contra Rusia, "
                        + "según informó la Moncloa en un comunicado."));
        String french = ingestJson(article("Macron reçoit Scholz", null,
                "Le président Emmanuel Macron a reçu le 5 mai 2023 à Paris le chancelier allemand Olaf Scholz. Les deux "
                        + "dirigeants ont évoqué les relations avec la Russie et l'aide à l'Ukraine, a indiqué l'Élysée dans un "
                        + "communiqué publié dans la soirée."));
        String english = ingestJson(article("Talks on Ukraine", "en",
                "Russia and Ukraine will resume talks in Istanbul next month, officials said on Tuesday."));
        String chinese = ingestJson(article("习近平会见马克龙", "zh",
                "习近平主席2023年4月6日在北京会见了法国总统马克龙。双方就中法关系和乌克兰局势交换了意见。"));
        String russian = ingestJson(article("Совещание в Москве", "ru",
                "Президент Владимир Путин 12 апреля 2023 года провёл в Москве совещание с членами правительства."));

        List<String> ids = List.of(german, spanish, french, english, chinese, russian);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get("/articles?source=languages-e2e&limit=50").get("items")).hasSize(ids.size()));

        assertStored(german, "de", List.of("person:olaf-scholz", "location:berlin", "location:russia"), "2023-04-12");
        assertStored(spanish, "es", List.of("person:pedro-sanchez", "location:paris", "location:russia"), "2023-03-03");
        assertStored(french, "fr", List.of("person:emmanuel-macron", "person:olaf-scholz", "location:russia"), "2023-05-05");
        assertStored(english, "en", List.of("location:russia"), null);
        assertStored(chinese, "zh", List.of("person:xi-jinping", "location:beijing"), null);
        assertStored(russian, "ru", List.of(), "2023-04-12");
        assertThat(get("/articles/" + russian).get("entities")).as("no NER model for Russian: no guessed names").isEmpty();

        JsonNode russia = get("/entities/location:russia");
        assertThat(russia.get("articleCount").asInt()).isGreaterThanOrEqualTo(4);
        List<String> aliases = new ArrayList<>();
        russia.get("aliases").forEach(a -> aliases.add(a.asText()));
        assertThat(aliases).contains("Russland", "Rusia", "Russie");

        // the German stemmer: "Gespräch" finds the text's "Gespräche"
        JsonNode found = get("/articles?q=" + URLEncoder.encode("Gespräch", StandardCharsets.UTF_8) + "&language=de").get("items");
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).get("id").asText()).isEqualTo(german);
    }

    /**
     * Issue 16: one article says "U.S.", another "United States"; through ingest, Kafka, enrich, Kafka and PostgreSQL
     * the API has one entity for both, linked to the Wikipedia page United_States, and the page is an entity filter.
     */
    @Test
    @Order(6)
    void usAndUnitedStatesAreOneEntityLinkedToItsWikipediaPage() throws Exception {
        String abbreviated = ingestJson(JSON.writeValueAsString(JSON.createObjectNode().put("title", "Trade talks resume")
                .put("source", "identity-e2e").put("publishedAt", "2019-05-07").put("text",
                        "Trade talks between China and the U.S. resumed in Beijing on Tuesday. Negotiators from the U.S. "
                                + "said that progress on tariffs was slow.")));
        String full = ingestJson(JSON.writeValueAsString(JSON.createObjectNode().put("title", "Tariffs stay")
                .put("source", "identity-e2e").put("publishedAt", "2019-05-08").put("text",
                        "The United States will keep its tariffs on Chinese goods, officials in Washington said on Wednesday. "
                                + "China said the United States had broken its word.")));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get("/articles?source=identity-e2e&limit=10").get("items")).hasSize(2));

        JsonNode us = entityMentioned(abbreviated, "U.S.");
        JsonNode unitedStates = entityMentioned(full, "United States");
        String key = us.get("key").asText();
        assertThat(unitedStates.get("key").asText()).as("the key of \"United States\"").isEqualTo(key);
        for (JsonNode e : List.of(us, unitedStates)) {
            assertThat(e.get("link").get("kb").asText()).isEqualTo("wikipedia");
            assertThat(e.get("link").get("id").asText()).isEqualTo("United_States");
            assertThat(e.get("link").get("url").asText()).isEqualTo("https://en.wikipedia.org/wiki/United_States");
        }

        JsonNode entity = get("/entities/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertThat(entity.get("link").get("id").asText()).isEqualTo("United_States");
        List<String> aliases = new ArrayList<>();
        entity.get("aliases").forEach(a -> aliases.add(a.asText()));
        assertThat(aliases).contains("U.S.", "United States");
        // one entity: no other has either spelling
        for (String spelling : List.of("U.S.", "United States")) {
            Set<String> keys = new TreeSet<>();
            get("/entities?limit=200&q=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8)).get("items").forEach(e -> {
                e.get("aliases").forEach(a -> {
                    if (a.asText().equals(spelling)) {
                        keys.add(e.get("key").asText());
                    }
                });
            });
            assertThat(keys).as("entities written %s", spelling).containsExactly(key);
        }
        for (String filter : List.of("wikipedia:United_States", "wikipedia:United States")) {
            Set<String> found = new TreeSet<>();
            get("/articles?limit=50&source=identity-e2e&entity=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
                    .get("items").forEach(i -> found.add(i.get("id").asText()));
            assertThat(found).as(filter).containsExactlyInAnyOrder(abbreviated, full);
        }
    }

    /** The entity of the stored article that has a mention written exactly so. */
    private static JsonNode entityMentioned(String articleId, String written) throws Exception {
        for (JsonNode e : get("/articles/" + articleId).get("entities")) {
            for (JsonNode m : e.get("mentions")) {
                if (m.get("text").asText().equals(written)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no entity of " + articleId + " is written " + written);
    }

    private static String article(String title, String language, String text) throws Exception {
        var node = JSON.createObjectNode().put("title", title).put("source", "languages-e2e").put("text", text);
        if (language != null) {
            node.put("language", language);
        }
        return JSON.writeValueAsString(node);
    }

    private static void assertStored(String id, String language, List<String> keys, String date) throws Exception {
        JsonNode a = get("/articles/" + id);
        assertThat(a.get("language").asText()).as("language of %s", a.get("title")).isEqualTo(language);
        List<String> found = new ArrayList<>();
        a.get("entities").forEach(e -> found.add(e.get("key").asText()));
        assertThat(found).as("entity keys of %s", a.get("title")).containsAll(keys);
        if (date != null) {
            List<String> values = new ArrayList<>();
            a.get("dates").forEach(d -> values.add(d.get("value").asText()));
            assertThat(values).as("dates of %s", a.get("title")).contains(date);
        }
    }

    /** Per article id: its enrichment version, entity rows and date rows as the database holds them. */
    private static Map<String, String> enrichmentRows() throws Exception {
        Map<String, String> rows = new java.util.TreeMap<>();
        try (Connection c = database(); var st = c.createStatement(); var rs = st.executeQuery("""
                SELECT a.id, a.enrichment_version, (SELECT count(*) FROM article_entity e WHERE e.article_id = a.id),
                       (SELECT string_agg(e.entity_key || '*' || e.mention_count, ',' ORDER BY e.entity_key)
                          FROM article_entity e WHERE e.article_id = a.id),
                       (SELECT string_agg(d.start_offset || '=' || d.value, ',' ORDER BY d.start_offset)
                          FROM article_date d WHERE d.article_id = a.id)
                  FROM article a""")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " | " + rs.getInt(3) + " | " + rs.getString(4) + " | " + rs.getString(5));
            }
        }
        return rows;
    }

    /** A link whose spans of days (V16) are not those of its article's dates with a start, as the api writes them. */
    private static final String SPANS_NOT_THOSE_OF_THE_ARTICLES_DATES = """
            ae.mentioned_spans <> coalesce((SELECT range_agg(daterange(d.date_from, d.date_to, '[]')) FROM article_date d
                                            WHERE d.article_id = ae.article_id AND d.date_from IS NOT NULL), '{}')""";

    /** How many stored links ({@code article_entity ae}) meet the condition. */
    private static long links(String condition) throws Exception {
        try (Connection c = database(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM article_entity ae WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
    }

    @Test
    void ingestRefusesWithoutKeyEndToEnd() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s -> %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
