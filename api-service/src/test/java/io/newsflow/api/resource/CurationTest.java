package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.security.ReadAndWriteKeys;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventJson;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Analysts' corrections (issue 17) on real Kafka and PostgreSQL: merge, split, edit, reject, each undone; the log;
 * who may; problem+json for bad targets and bodies; and that corrections hold for articles stored later, reprocessed
 * ones included.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestProfile(ReadAndWriteKeys.class)
class CurationTest {

    private static final Random RANDOM = new Random();
    private static final String READ_KEY = ReadAndWriteKeys.READ_KEY;
    private static final String WRITE_KEY = ReadAndWriteKeys.WRITE_KEY;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/stream")
    URL streamUrl;

    @Inject
    EntityManager em;

    private static RequestSpecification reader() {
        return given().header("X-API-Key", READ_KEY);
    }

    private static RequestSpecification writer() {
        return given().header("Authorization", "Bearer " + WRITE_KEY).contentType(ContentType.JSON);
    }

    /** A surname nobody else in the database has, so tests sharing it do not meet. */
    private static String surname() {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    private static String key(String type, String name) {
        return type + ":" + name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** An article mentioning the people given as (name, surface forms...), each keyed by its name. */
    private static EnrichedArticle article(String title, String text, Entity... entities) {
        return Articles.article(title, text, "curation-test", "2019-05-02", List.of(entities), List.of());
    }

    private static Entity person(String text, String name, String... forms) {
        return Articles.entity(text, key("person", name), name, EntityType.PERSON, forms.length == 0 ? new String[]{name} : forms);
    }

    private void store(EnrichedArticle... articles) throws Exception {
        TopicClient topic = new TopicClient(bootstrap);
        List<String> before = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            before.add(reader().get("/articles/" + a.id()).then().extract().path("storedAt"));
            topic.send(Topics.ENRICHED, a.id(), EventJson.mapper().writeValueAsString(a));
        }
        // stored (again): a new storedAt
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < articles.length; i++) {
                reader().get("/articles/" + articles[i].id()).then().statusCode(200)
                        .body("storedAt", before.get(i) == null ? notNullValue() : not(equalTo(before.get(i))));
            }
        });
    }

    private static ValidatableResponse entity(String key) {
        return reader().get("/entities/" + key).then();
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aMergeMovesArticlesAndAliasesAndLastsThroughAReprocessUntilUndone() throws Exception {
        String surname = surname();
        String shortName = "Volodya " + surname; // two names that no automatic rule merges (a surname alone would join)
        String fullName = "Vladimir " + surname;
        String t1 = shortName + " spoke in Moscow.";
        String t2 = fullName + " met the press. " + fullName + " left.";
        EnrichedArticle a1 = article("Short " + surname, t1, person(t1, shortName));
        EnrichedArticle a2 = article("Full " + surname, t2, person(t2, fullName));
        store(a1, a2);

        String from = key("person", shortName);
        String into = key("person", fullName);
        long id = writer().body(Map.of("into", into)).post("/entities/" + from + "/merge").then().statusCode(200)
                .body("operation", equalTo("merge")).body("entity", equalTo(from)).body("target", equalTo(into))
                .body("by", startsWith("sha256:")).body("by", not(containsString(WRITE_KEY)))
                .body("before.name", equalTo(shortName)).body("at", notNullValue())
                .extract().jsonPath().getLong("id");

        entity(into).statusCode(200).body("articleCount", equalTo(2)).body("mentionCount", equalTo(3))
                .body("aliases", containsInAnyOrder(shortName, fullName));
        entity(from).statusCode(200).body("key", equalTo(into)); // the merged key answers as the one it was merged into
        reader().queryParam("q", surname).get("/entities").then().body("items.key", contains(into))
                .body("items[0].articleCount", equalTo(2));
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains(into));
        reader().queryParam("entity", shortName).get("/articles").then().body("items.size()", equalTo(2));

        store(a1, a2); // a reprocess: the same articles delivered again
        entity(into).statusCode(200).body("articleCount", equalTo(2)).body("mentionCount", equalTo(3));
        entity(from).body("key", equalTo(into));
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains(into));
        reader().queryParam("q", surname).get("/entities").then().body("items.size()", equalTo(1));

        reader().queryParam("entity", from).get("/curations").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].undoneBy", nullValue());
        writer().post("/curations/" + id + "/undo").then().statusCode(200)
                .body("operation", equalTo("undo")).body("undoes", equalTo((int) id));
        entity(from).statusCode(200).body("key", equalTo(from)).body("articleCount", equalTo(1)).body("aliases", contains(shortName));
        entity(into).statusCode(200).body("articleCount", equalTo(1)).body("mentionCount", equalTo(2)).body("aliases", contains(fullName));
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains(from)).body("entities[0].name", equalTo(shortName));
        reader().queryParam("entity", from).get("/curations").then()
                .body("items[0].operation", equalTo("undo")).body("items[1].undoneBy", notNullValue());
        // undone for good: a later delivery keeps the two apart
        store(a1);
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains(from));
        problem(writer().post("/curations/" + id + "/undo").then(), 409);
    }

    @Test
    void aSplitAliasGetsItsOwnEntityInStoredAndLaterArticlesUntilUndone() throws Exception {
        String surname = surname();
        String fullName = "Vladimir " + surname;
        String t1 = fullName + " spoke. Later " + surname + " left.";
        EnrichedArticle a1 = article("Split " + surname, t1, person(t1, fullName, fullName, surname));
        store(a1);
        String source = key("person", fullName);

        String created = writer().body(Map.of("alias", surname)).post("/entities/" + source + "/split").then().statusCode(200)
                .body("operation", equalTo("split")).body("target", equalTo(surname))
                .extract().path("newKey");
        entity(created).statusCode(200).body("name", equalTo(surname)).body("articleCount", equalTo(1))
                .body("mentionCount", equalTo(1)).body("aliases", contains(surname));
        entity(source).statusCode(200).body("mentionCount", equalTo(1)).body("aliases", contains(fullName));
        reader().get("/articles/" + a1.id()).then().body("entities.key", containsInAnyOrder(source, created));

        String t2 = surname + " returned.";
        EnrichedArticle a2 = article("Later " + surname, t2, person(t2, fullName, surname)); // the extractor keys it as before
        store(a2, a1);
        reader().get("/articles/" + a2.id()).then().body("entities.key", contains(created));
        entity(created).body("articleCount", equalTo(2)).body("mentionCount", equalTo(2))
                .body("timeline.date", contains("2019-05")).body("timeline.articles", contains(2)); // counts kept on write (V15)
        entity(source).body("articleCount", equalTo(1)).body("mentionCount", equalTo(1))
                .body("timeline.articles", contains(1));

        long id = reader().queryParam("entity", source).get("/curations").then().extract().jsonPath().getLong("items[0].id");
        writer().post("/curations/" + id + "/undo").then().statusCode(200);
        problem(reader().get("/entities/" + created).then(), 404);
        entity(source).body("articleCount", equalTo(2)).body("mentionCount", equalTo(3))
                .body("aliases", containsInAnyOrder(fullName, surname));
        reader().get("/articles/" + a2.id()).then().body("entities.key", contains(source));
    }

    @Test
    void aSplitKeepsTheTypeEachArticleGaveTheLinksItMoves() throws Exception {
        String surname = surname();
        String fullName = "Vladimir " + surname;
        String source = key("person", fullName);
        String t1 = fullName + " spoke. Later " + surname + " left.";
        EnrichedArticle a1 = article("Split " + surname, t1, person(t1, fullName, fullName, surname));
        // another article reads the surname as an organization under the same key: its link takes the entity's type
        String t2 = surname + " signed the contract.";
        EnrichedArticle a2 = article("Split organization " + surname, t2,
                Articles.entity(t2, source, fullName, EntityType.ORGANIZATION, surname));
        store(a1);
        store(a2);
        entity(source).body("type", equalTo("PERSON"));
        assertThat(givenTypes(source)).isEqualTo(Map.of(a1.id(), "PERSON", a2.id(), "ORGANIZATION"));

        String created = writer().body(Map.of("alias", surname)).post("/entities/" + source + "/split").then().statusCode(200)
                .extract().path("newKey");
        assertThat(givenTypes(created)).isEqualTo(Map.of(a1.id(), "PERSON", a2.id(), "ORGANIZATION"));
    }

    @Test
    void anEditRenamesAndRetypesStoredAndLaterArticlesUntilUndone() throws Exception {
        String surname = surname();
        String t1 = surname + " Holdings rose.";
        Entity misread = Articles.entity(t1, key("person", surname + " Holdings"), surname + " Holdings", EntityType.PERSON,
                surname + " Holdings");
        EnrichedArticle a1 = article("Edit " + surname, t1, misread);
        store(a1);
        String k = misread.key();

        writer().body(Map.of("name", surname + " Holdings plc", "type", "organization")).patch("/entities/" + k)
                .then().statusCode(200).body("operation", equalTo("edit"))
                .body("before.type", equalTo("PERSON")).body("after.type", equalTo("ORGANIZATION"));
        entity(k).body("name", equalTo(surname + " Holdings plc")).body("type", equalTo("ORGANIZATION"));
        EnrichedArticle a2 = article("Edit later " + surname, t1 + " Again.", Articles.entity(t1 + " Again.", k, surname + " Holdings",
                EntityType.PERSON, surname + " Holdings"));
        store(a2);
        reader().get("/articles/" + a2.id()).then().body("entities[0].name", equalTo(surname + " Holdings plc"))
                .body("entities[0].type", equalTo("ORGANIZATION"));
        entity(k).body("name", equalTo(surname + " Holdings plc")).body("type", equalTo("ORGANIZATION"));
        reader().queryParam("entity", k).queryParam("type", "ORGANIZATION").get("/articles").then().body("items.size()", equalTo(2));

        writer().body(Map.of("name", surname + " Group")).patch("/entities/" + k).then().statusCode(200);
        List<Integer> ids = reader().queryParam("entity", k).get("/curations").then().extract().path("items.id");
        // the first edit cannot go while the later one, on the same entity, stands
        problem(writer().post("/curations/" + ids.get(1) + "/undo").then().body("detail", containsString("undo it first")), 409);
        writer().post("/curations/" + ids.get(0) + "/undo").then().statusCode(200);
        writer().post("/curations/" + ids.get(1) + "/undo").then().statusCode(200);
        entity(k).body("name", equalTo(surname + " Holdings")).body("type", equalTo("PERSON"));
        reader().get("/articles/" + a2.id()).then().body("entities[0].type", equalTo("PERSON"));
    }

    @Test
    void anEditedNameAndTypeLastWhenAnotherKeyIsMergedInWithMoreArticlesOfAnotherType() throws Exception {
        String word = surname();
        Entity.Link page = Entity.Link.wikipedia("Al_" + word);
        String t1 = "Reports from " + word + " came in.";
        Entity misc = Articles.entity(t1, key("misc", word), word, EntityType.MISC, word).withLink(page);
        EnrichedArticle a1 = article("Type " + word, t1, misc);
        store(a1);
        String k = misc.key();
        writer().body(Map.of("name", word + " Group", "type", "ORGANIZATION")).patch("/entities/" + k).then().statusCode(200);

        // two articles read another spelling as a person, not linked: an entity of its own
        String other = "Al " + word;
        String t2 = other + " spoke on Monday.";
        String t3 = other + " left on Tuesday.";
        EnrichedArticle a2 = article("Person " + word, t2, person(t2, other));
        EnrichedArticle a3 = article("Person again " + word, t3, person(t3, other));
        store(a2, a3);
        // then an article links that spelling to the page: its entity is merged into the edited one, whose articles
        // now say PERSON two to one (the type settling of issue 16 would make it a person)
        String t4 = other + " returned on Friday.";
        EnrichedArticle a4 = article("Linked " + word, t4, person(t4, other).withLink(page));
        store(a4);

        entity(key("person", other)).statusCode(200).body("key", equalTo(k));
        entity(k).body("type", equalTo("ORGANIZATION")).body("name", equalTo(word + " Group")).body("articleCount", equalTo(4));
        for (EnrichedArticle a : List.of(a1, a2, a3, a4)) {
            reader().get("/articles/" + a.id()).then().body("entities.key", contains(k))
                    .body("entities.type", contains("ORGANIZATION")).body("entities.name", contains(word + " Group"));
        }
        reader().queryParam("entity", k).queryParam("type", "ORGANIZATION").get("/articles").then().body("items.size()", equalTo(4));
    }

    /**
     * A MISC entity in one article and another spelling of it read as a person in two: an entity of its own, which no
     * automatic rule joins.
     */
    private record TwoSpellings(String word, Entity misc, EnrichedArticle miscArticle, String person,
                                List<EnrichedArticle> personArticles) {

        String personKey() {
            return key("person", person);
        }

        List<EnrichedArticle> articles() {
            return List.of(miscArticle, personArticles.get(0), personArticles.get(1));
        }

        /** Another article reading the person's spelling as an organization, under the person's key. */
        EnrichedArticle organizationReading() {
            String text = person + " signed the contract.";
            return article("Organization " + word, text, Articles.entity(text, personKey(), person, EntityType.ORGANIZATION, person));
        }

        /** The type each of the person's articles gave it (article id -> type), with that organization reading. */
        Map<String, String> personGivenTypes(EnrichedArticle organizationReading) {
            Map<String, String> given = new HashMap<>(Map.of(organizationReading.id(), "ORGANIZATION"));
            personArticles.forEach(a -> given.put(a.id(), "PERSON"));
            return given;
        }
    }

    private TwoSpellings storeTwoSpellings() throws Exception {
        String word = surname();
        String t1 = "Reports from " + word + " came in.";
        Entity misc = Articles.entity(t1, key("misc", word), word, EntityType.MISC, word);
        String other = "Al " + word;
        String t2 = other + " spoke on Monday.";
        String t3 = other + " left on Tuesday.";
        TwoSpellings stored = new TwoSpellings(word, misc, article("Misc " + word, t1, misc), other,
                List.of(article("Person " + word, t2, person(t2, other)), article("Person again " + word, t3, person(t3, other))));
        store(stored.articles().toArray(EnrichedArticle[]::new));
        return stored;
    }

    @Test
    void anAnalystsMergeSettlesTheTypeAsTheAutomaticMergesDoUntilUndone() throws Exception {
        TwoSpellings stored = storeTwoSpellings();
        String into = stored.misc().key();
        String from = stored.personKey();

        // its articles now say PERSON two to one: the entity merged into takes that type, in every article
        ValidatableResponse merged = writer().body(Map.of("into", into)).post("/entities/" + from + "/merge").then().statusCode(200);
        long id = merged.extract().jsonPath().getLong("id");
        entity(into).body("type", equalTo("PERSON")).body("articleCount", equalTo(3));
        for (EnrichedArticle a : stored.articles()) {
            reader().get("/articles/" + a.id()).then().body("entities.key", contains(into)).body("entities.type", contains("PERSON"));
        }
        reader().queryParam("entity", into).queryParam("type", "PERSON").get("/articles").then().body("items.size()", equalTo(3));
        merged.body("before.type", equalTo("PERSON")).body("after.type", equalTo("PERSON")); // the log says what it made

        // undone: each entity has the type its own articles give it again
        writer().post("/curations/" + id + "/undo").then().statusCode(200);
        entity(into).body("type", equalTo("MISC")).body("articleCount", equalTo(1));
        entity(from).body("type", equalTo("PERSON")).body("articleCount", equalTo(2));
        reader().get("/articles/" + stored.miscArticle().id()).then().body("entities.key", contains(into))
                .body("entities.type", contains("MISC"));
        reader().get("/articles/" + stored.personArticles().get(0).id()).then().body("entities.key", contains(from))
                .body("entities.type", contains("PERSON"));
    }

    @Test
    void undoingAMergePutsBackTheTypeEachArticleGaveTheMovedLinks() throws Exception {
        TwoSpellings stored = storeTwoSpellings();
        String from = stored.personKey();
        EnrichedArticle a4 = storeAnOrganizationReading(stored);

        long id = writer().body(Map.of("into", stored.misc().key())).post("/entities/" + from + "/merge").then().statusCode(200)
                .body("before.links.givenType", containsInAnyOrder("PERSON", "PERSON", "ORGANIZATION"))
                .extract().jsonPath().getLong("id");
        writer().post("/curations/" + id + "/undo").then().statusCode(200);

        // the links are back with the types their articles gave them: the type votes count as before the merge
        entity(from).body("type", equalTo("PERSON")).body("articleCount", equalTo(3));
        reader().get("/articles/" + a4.id()).then().body("entities.key", contains(from)).body("entities.type", contains("PERSON"));
        assertThat(givenTypes(from)).isEqualTo(stored.personGivenTypes(a4));
    }

    @Test
    void undoingAMergePutsBackTheTypeArticlesStoredSinceGaveTheLinksItMovesBack() throws Exception {
        TwoSpellings stored = storeTwoSpellings();
        String into = stored.misc().key();
        String from = stored.personKey();
        long id = writer().body(Map.of("into", into)).post("/entities/" + from + "/merge").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        // stored since, under the merged key: its link takes the entity's type and keeps the one it was given
        EnrichedArticle a4 = stored.organizationReading();
        store(a4);
        reader().get("/articles/" + a4.id()).then().body("entities.key", contains(into)).body("entities.type", contains("PERSON"));
        assertThat(givenTypes(into)).containsEntry(a4.id(), "ORGANIZATION");

        writer().post("/curations/" + id + "/undo").then().statusCode(200);
        reader().get("/articles/" + a4.id()).then().body("entities.key", contains(from));
        assertThat(givenTypes(from)).isEqualTo(stored.personGivenTypes(a4));
    }

    @Test
    void undoingARejectPutsBackTheTypeEachArticleGaveTheLinks() throws Exception {
        TwoSpellings stored = storeTwoSpellings();
        String key = stored.personKey();
        EnrichedArticle a4 = storeAnOrganizationReading(stored);

        long id = writer().post("/entities/" + key + "/reject").then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(givenTypes(key)).isEmpty();
        writer().post("/curations/" + id + "/undo").then().statusCode(200);

        // the links are back with the types their articles gave them: the type votes count as before the reject
        entity(key).body("type", equalTo("PERSON")).body("articleCount", equalTo(3));
        assertThat(givenTypes(key)).isEqualTo(stored.personGivenTypes(a4));
    }

    /**
     * A third article reads the person as an organization: its link takes the entity's type, PERSON, and keeps the one it
     * was given.
     */
    private EnrichedArticle storeAnOrganizationReading(TwoSpellings stored) throws Exception {
        EnrichedArticle a4 = stored.organizationReading();
        store(a4);
        entity(stored.personKey()).body("type", equalTo("PERSON"));
        assertThat(givenTypes(stored.personKey())).isEqualTo(stored.personGivenTypes(a4));
        return a4;
    }

    /** The type each article's enrichment gave the entity's link (article id -> type), as the type votes read it. */
    @SuppressWarnings("unchecked")
    private Map<String, String> givenTypes(String key) {
        Map<String, String> types = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CAST(article_id AS text), coalesce(given_type, type) FROM article_entity WHERE entity_key = :key""")
                .setParameter("key", key).getResultList();
        rows.forEach(r -> types.put((String) r[0], (String) r[1]));
        return types;
    }

    @Test
    void anAnalystsMergeIntoAnEditedEntityKeepsTheEditedType() throws Exception {
        TwoSpellings stored = storeTwoSpellings();
        String into = stored.misc().key();
        writer().body(Map.of("type", "ORGANIZATION")).patch("/entities/" + into).then().statusCode(200);

        // PERSON two to one, but the analyst's word outweighs the votes
        ValidatableResponse merged = writer().body(Map.of("into", into)).post("/entities/" + stored.personKey() + "/merge")
                .then().statusCode(200);
        entity(into).body("type", equalTo("ORGANIZATION")).body("articleCount", equalTo(3));
        for (EnrichedArticle a : stored.personArticles()) {
            reader().get("/articles/" + a.id()).then().body("entities.key", contains(into)).body("entities.type", contains("ORGANIZATION"));
        }
        reader().queryParam("entity", into).queryParam("type", "ORGANIZATION").get("/articles").then().body("items.size()", equalTo(3));
        merged.body("after.type", equalTo("ORGANIZATION"));
    }

    @Test
    void aRejectedEntityLeavesListsFiltersPagesCountsAndTheStreamAlsoInLaterArticlesUntilUndone() throws Exception {
        String word = surname();
        String t1 = word + " fighters met " + word + " leaders near Vienna.";
        Entity junk = Articles.entity(t1, key("misc", word), word, EntityType.MISC, word);
        Entity vienna = new Entity("location:vienna", "Vienna", EntityType.LOCATION, null,
                List.of(new Entity.Mention("Vienna", t1.indexOf("Vienna"), t1.indexOf("Vienna") + 6)));
        EnrichedArticle a1 = article("Reject " + word, t1, junk, vienna);
        store(a1);

        long id = writer().post("/entities/" + junk.key() + "/reject").then().statusCode(200)
                .body("operation", equalTo("reject")).body("before.articleCount", equalTo(1)).extract().jsonPath().getLong("id");
        problem(reader().get("/entities/" + junk.key()).then(), 404);
        reader().queryParam("q", word).get("/entities").then().body("items", empty());
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains("location:vienna"));
        reader().queryParam("entity", junk.key()).get("/articles").then().body("items", empty());
        reader().queryParam("q", word).get("/articles").then().body("items[0].entities.key", everyItem(not(equalTo(junk.key()))));
        reader().get("/entities/location:vienna").then().body("related.key", not(hasItem(junk.key())));
        problem(writer().post("/entities/" + junk.key() + "/reject").then(), 409);

        String t2 = "More " + word + " news.";
        EnrichedArticle a2 = article("Reject later " + word, t2, Articles.entity(t2, junk.key(), word, EntityType.MISC, word));
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(streamUrl.toString()))
                .header("Accept", "text/event-stream").header("X-API-Key", READ_KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<String> announced = CompletableFuture.supplyAsync(() -> StreamResourceTest.readEventFor(stream.body(), a2.id()));
        Thread.sleep(500); // the subscription is open before the article is stored
        store(a2);
        assertThat(announced.get(30, TimeUnit.SECONDS)).contains("event:").contains(a2.id()).doesNotContain(junk.key());
        stream.body().close();
        reader().get("/articles/" + a2.id()).then().body("entities", empty());
        reader().queryParam("q", word).get("/entities").then().body("items", empty());

        writer().post("/curations/" + id + "/undo").then().statusCode(200);
        entity(junk.key()).statusCode(200).body("articleCount", equalTo(2)).body("mentionCount", equalTo(3))
                .body("timeline.date", contains("2019-05")).body("timeline.articles", contains(2));
        reader().get("/articles/" + a2.id()).then().body("entities.key", contains(junk.key()));
        reader().get("/articles/" + a1.id()).then().body("entities.key", contains(junk.key(), "location:vienna"));
    }

    @Test
    void onlyWriteKeysMayCorrect() {
        String path = "/entities/person:anyone/reject";
        problem(given().post(path).then().header("WWW-Authenticate", "Bearer"), 401);
        problem(given().header("Authorization", "Bearer wrong").post(path).then(), 401);
        problem(given().header("X-API-Key", READ_KEY).post(path).then(), 403);
        problem(given().header("Authorization", "Bearer " + READ_KEY).contentType(ContentType.JSON).body("{}")
                .patch("/entities/person:anyone").then(), 403);
        problem(given().header("X-API-Key", READ_KEY).post("/curations/1/undo").then(), 403);
        problem(given().header("X-API-Key", WRITE_KEY).post(path).then(), 404); // let through: no such entity
        // the log is read with a read key (or a write key, which reads too)
        problem(given().get("/curations").then(), 401);
        reader().get("/curations").then().statusCode(200);
        given().header("X-API-Key", WRITE_KEY).get("/curations").then().statusCode(200);
    }

    @Test
    void theWebUiKeepsTheWriteKeyInAnHttpOnlyStrictCookie() {
        problem(given().contentType(ContentType.JSON).body("{\"key\":\"" + READ_KEY + "\"}").post("/session/write").then(), 401);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + WRITE_KEY + "\"}").post("/session/write").then()
                .statusCode(204).header("Set-Cookie", containsString("HttpOnly")).header("Set-Cookie", containsString("SameSite=Strict"));
        given().cookie("newsflow_write_key", WRITE_KEY).get("/session/write").then().body("authenticated", equalTo(true));
        // this Newsflow needs a read key too: the browser holds both cookies
        given().cookie("newsflow_read_key", READ_KEY).cookie("newsflow_write_key", WRITE_KEY)
                .post("/entities/person:anyone/reject").then().statusCode(404);
        problem(given().cookie("newsflow_read_key", READ_KEY).cookie("newsflow_write_key", "forged")
                .post("/entities/person:anyone/reject").then(), 403);
    }

    @Test
    void badTargetsAndBodiesAreProblems() throws Exception {
        String a = surname();
        String b = surname();
        String text = a + " and " + b + " met.";
        store(article("Bad " + a, text, person(text, a), person(text, b)));
        String ka = key("person", a);
        String kb = key("person", b);

        problem(writer().body(Map.of("into", kb)).post("/entities/person:nobody-" + a + "/merge").then(), 404);
        problem(writer().body(Map.of("into", "person:nobody-" + a)).post("/entities/" + ka + "/merge").then(), 404);
        problem(writer().body(Map.of("into", ka)).post("/entities/" + ka + "/merge").then()
                .body("detail", containsString("itself")), 409);
        writer().body(Map.of("into", kb)).post("/entities/" + ka + "/merge").then().statusCode(200);
        problem(writer().body(Map.of("into", ka)).post("/entities/" + kb + "/merge").then()
                .body("detail", containsString("cycle")), 409);

        problem(writer().body("{}").post("/entities/" + kb + "/merge").then().body("errors[0].field", equalTo("into")), 400);
        problem(writer().body("{\"into\": \"  \"}").post("/entities/" + kb + "/merge").then(), 400);
        problem(writer().body("{not json").post("/entities/" + kb + "/merge").then(), 400);
        problem(writer().post("/entities/" + kb + "/merge").then(), 400);
        problem(writer().body(Map.of("alias", "Nobody " + a)).post("/entities/" + kb + "/split").then()
                .body("errors[0].field", equalTo("alias")), 400);
        problem(writer().body(Map.of("alias", b)).post("/entities/" + kb + "/split").then()
                .body("detail", containsString("rename")), 400);
        problem(writer().body("{}").patch("/entities/" + kb).then(), 400);
        problem(writer().body(Map.of("type", "ANIMAL")).patch("/entities/" + kb).then().body("errors[0].field", equalTo("type")), 400);
        problem(writer().body(Map.of("name", " ")).patch("/entities/" + kb).then().body("errors[0].field", equalTo("name")), 400);
        problem(writer().post("/curations/999999999/undo").then(), 404);
        problem(writer().post("/curations/abc/undo").then(), 400);
        problem(reader().queryParam("cursor", "nonsense").get("/curations").then(), 400);
    }

    @Test
    void theOperationsAreDocumentedInOpenApi() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openApi).contains("\"/entities/{key}/merge\"", "\"/entities/{key}/split\"", "\"/entities/{key}/reject\"",
                "\"/curations\"", "\"/curations/{id}/undo\"", "\"patch\"", "Merge this entity into another",
                "before.links", "givenType");
    }

    @Test
    void theLogIsNewestFirstInPages() throws Exception {
        String a = surname();
        String text = a + " arrived.";
        store(article("Log " + a, text, person(text, a)));
        String k = key("person", a);
        writer().body(Map.of("name", a + " I")).patch("/entities/" + k).then().statusCode(200);
        writer().body(Map.of("name", a + " II")).patch("/entities/" + k).then().statusCode(200);
        writer().body(Map.of("name", a + " III")).patch("/entities/" + k).then().statusCode(200);

        var first = reader().queryParam("entity", k).queryParam("limit", 2).get("/curations").then().statusCode(200)
                .body("items.after.name", contains(a + " III", a + " II")).extract().jsonPath();
        reader().queryParam("entity", k).queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get("/curations").then().body("items.after.name", contains(a + " I")).body("next", nullValue());
    }
}
