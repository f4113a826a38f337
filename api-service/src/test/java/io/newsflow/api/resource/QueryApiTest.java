package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EntityType;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;

/** The query API against real PostgreSQL. Each test writes its own articles under a unique source. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class QueryApiTest {

    @Inject
    ArticleStore store;

    @Inject
    EntityManager em;

    String source;
    String person;

    @BeforeEach
    void uniqueNames() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        source = "src-" + tag;
        person = "Zorblax" + tag.replaceAll("[0-9]", "q"); // a surname no other test uses
    }

    private EnrichedArticle storeArticle(String title, String text, String publishedAt, List<String[]> people, String orgName,
                                         String dateForm, String dateValue) {
        var entities = new ArrayList<io.newsflow.events.Entity>();
        for (String[] p : people) {
            entities.add(Articles.entity(text, p[0], p[1], EntityType.PERSON, java.util.Arrays.copyOfRange(p, 2, p.length)));
        }
        if (orgName != null) {
            entities.add(Articles.entity(text, "organization:" + orgName.toLowerCase().replace(' ', '-'), orgName, EntityType.ORGANIZATION, orgName));
        }
        var dates = dateForm == null ? List.<io.newsflow.events.DateMention>of() : List.of(Articles.date(text, dateForm, dateValue));
        EnrichedArticle a = Articles.article(title, text, source, publishedAt, entities, dates);
        store.store(a);
        return a;
    }

    private String[] personOf(String first) {
        return new String[]{"person:" + first.toLowerCase() + "-" + person.toLowerCase(), first + " " + person, first + " " + person, person};
    }

    @Test
    void readingIsOpenByDefaultAndCrossOriginCallsGetNoCorsGrant() {
        given().get("/session").then().statusCode(200).body("required", equalTo(false)).body("authenticated", equalTo(true));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/articles").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").get("/articles")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void fullTextSearchUsesWebSearchSyntax() {
        storeArticle("Pipeline deal signed", "The gas pipeline across the sea was signed in Ankara.", "2019-01-10", List.of(), null, null, null);
        storeArticle("Talks on arms", "Arms shipments and the pipeline were discussed.", "2019-01-11", List.of(), null, null, null);
        storeArticle("Weather", "Rain in Moscow.", "2019-01-12", List.of(), null, null, null);

        given().queryParam("source", source).queryParam("q", "pipeline").get("/articles").then().statusCode(200)
                .body("items.title", contains("Talks on arms", "Pipeline deal signed"))
                .body("items[1].snippet", containsString("pipeline"));
        given().queryParam("source", source).queryParam("q", "pipeline -arms").get("/articles").then()
                .body("items.title", contains("Pipeline deal signed"));
        given().queryParam("source", source).queryParam("q", "\"gas pipeline\"").get("/articles").then()
                .body("items.title", contains("Pipeline deal signed"));
        given().queryParam("source", source).queryParam("q", "ankara OR rain").get("/articles").then()
                .body("items.title", contains("Weather", "Pipeline deal signed"));
    }

    private void storeIn(String language, String title, String text, String publishedAt) {
        store.store(Articles.inLanguage(Articles.article(title, text, source, publishedAt, List.of(), List.of()), language));
    }

    @Test
    void eachArticleIsSearchedInItsOwnLanguage() {
        storeIn("de", "Koalition in Berlin", "Die Verhandlungen über die Wahlen gehen in Berlin weiter.", "2019-02-10");
        storeIn("en", "Coalition in London", "The elections were discussed in London.", "2019-02-11");
        storeIn("es", "Coalición en Madrid", "Las elecciones generales se celebran en Madrid.", "2019-02-12");

        // the german stemmer conflates the plural with the singular (the english one left "wahlen" as it is)
        for (String q : List.of("Wahl", "Verhandlung", "verhandlungen")) {
            given().queryParam("source", source).queryParam("q", q).get("/articles").then().statusCode(200)
                    .body("items.title", contains("Koalition in Berlin"))
                    .body("items[0].language", equalTo("de"));
        }
        given().queryParam("source", source).queryParam("q", "Wahl").get("/articles").then()
                .body("items[0].snippet", containsString("Wahlen"));
        given().queryParam("source", source).queryParam("q", "elección").get("/articles").then()
                .body("items.title", contains("Coalición en Madrid"));
        // English as before: its stems, its stop words
        given().queryParam("source", source).queryParam("q", "election").get("/articles").then()
                .body("items.title", contains("Coalition in London"));
        given().queryParam("source", source).queryParam("q", "the").get("/articles").then()
                .body("items", empty());
        // one query finds the articles of every language it has words in
        given().queryParam("source", source).queryParam("q", "Berlin OR London").get("/articles").then()
                .body("items.title", contains("Coalition in London", "Koalition in Berlin"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLanguagesConfigurationIsAmongThoseTheQueryIsParsedIn() {
        // V11 keeps the language -> configuration mapping and the list the query is parsed in side by side: an
        // article indexed in a configuration missing from the list could never be found
        String codes = String.join(",", java.util.Locale.getISOLanguages()) + ",und";
        List<String> used = em.createNativeQuery("SELECT DISTINCT newsflow_search_config_name(c) FROM unnest(string_to_array(:codes, ',')) c")
                .setParameter("codes", codes).getResultList();
        List<String> parsedIn = em.createNativeQuery("SELECT CAST(c AS text) FROM unnest(newsflow_search_configs()) c").getResultList();
        assertThat(used).contains("english", "german", "spanish", "french", "italian", "dutch", "portuguese", "russian", "simple");
        assertThat(parsedIn).containsAll(used);
        assertThat(em.createNativeQuery("SELECT newsflow_search_config_name(NULL)").getSingleResult()).isEqualTo("english");
    }

    @Test
    void aNegatedWordExcludesInTheArticlesOwnLanguage() {
        // "-voting" is "vote" in English: the query's other readings (simple: "voting") must not let the article through
        storeIn("en", "Voting day", "Londoners were voting in London.", "2019-03-01");
        storeIn("en", "Quiet day", "Nothing happened in London.", "2019-03-02");

        given().queryParam("source", source).queryParam("q", "London -voting").get("/articles").then().statusCode(200)
                .body("items.title", contains("Quiet day"));
    }

    @Test
    void languageFilterTakesOneOrSeveralCodes() {
        storeIn("de", "Auf Deutsch", "Ein Artikel.", "2019-04-01");
        storeIn("fr", "En français", "Un article.", "2019-04-02");
        storeIn("en", "In English", "An article.", "2019-04-03");

        given().queryParam("source", source).queryParam("language", "de").get("/articles").then().statusCode(200)
                .body("items.title", contains("Auf Deutsch"));
        given().queryParam("source", source).queryParam("language", "FR, de").get("/articles").then().statusCode(200)
                .body("items.title", contains("En français", "Auf Deutsch"))
                .body("items.language", contains("fr", "de"));
        given().queryParam("source", source).queryParam("language", "it").get("/articles").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void entityFilterTakesAKeyOrAnyAliasAndCombinesWithType() {
        String[] khalid = personOf("Khalid");
        String text1 = "Khalid " + person + " met the Libyan National Army. " + person + " spoke.";
        String text2 = "Later " + person + " left.";
        String text3 = "Nobody relevant here, only the Libyan National Army.";
        storeArticle("One", text1, "2019-02-01", List.<String[]>of(khalid), "Libyan National Army", null, null);
        storeArticle("Two", text2, "2019-02-02", List.<String[]>of(new String[]{khalid[0], khalid[1], person}), null, null, null);
        storeArticle("Three", text3, "2019-02-03", List.of(), "Libyan National Army", null, null);

        given().queryParam("source", source).queryParam("entity", khalid[0]).get("/articles").then()
                .body("items.title", contains("Two", "One"))
                .body("items[1].entities.key", hasItems(khalid[0], "organization:libyan-national-army"));
        given().queryParam("source", source).queryParam("entity", person.toUpperCase()).get("/articles").then()
                .body("items.title", contains("Two", "One"));
        given().queryParam("source", source).queryParam("type", "organization").get("/articles").then()
                .body("items.title", contains("Three", "One"));
        given().queryParam("source", source).queryParam("entity", "nobody-at-all").get("/articles").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("next", nullValue());
    }

    @Test
    void publishedAndMentionedDateRangesFilter() {
        storeArticle("Early", "Signed on May 29, 2019 in Rome.", "2019-06-01", List.of(), null, "May 29, 2019", "2019-05-29");
        storeArticle("Late", "Looking back at 2016 as a whole.", "2020-03-15T10:00:00Z", List.of(), null, "2016", "2016");
        storeArticle("Undated", "No date here.", null, List.of(), null, null, null);

        given().queryParam("source", source).queryParam("publishedFrom", "2019-06-01").queryParam("publishedTo", "2019-12-31")
                .get("/articles").then().body("items.title", contains("Early"));
        given().queryParam("source", source).queryParam("publishedTo", "2019-06-01").get("/articles").then()
                .body("items.title", contains("Early"));
        given().queryParam("source", source).queryParam("mentionedFrom", "2019-05").queryParam("mentionedTo", "2019-05")
                .get("/articles").then().body("items.title", contains("Early"));
        given().queryParam("source", source).queryParam("mentionedFrom", "2016-07-01").queryParam("mentionedTo", "2016-07-31")
                .get("/articles").then().body("items.title", contains("Late"));
        // open-ended and wide ranges take the other query plan; a reversed range is empty, not an error
        given().queryParam("source", source).queryParam("mentionedFrom", "2017").get("/articles").then()
                .body("items.title", contains("Early"));
        given().queryParam("source", source).queryParam("mentionedTo", "2016-12-31").get("/articles").then()
                .body("items.title", contains("Late"));
        given().queryParam("source", source).queryParam("mentionedFrom", "2010").queryParam("mentionedTo", "2030").get("/articles").then()
                .body("items.title", contains("Late", "Early"));
        given().queryParam("source", source).queryParam("mentionedFrom", "2020").queryParam("mentionedTo", "2019").get("/articles").then()
                .statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("source", source).get("/articles").then()
                .body("items.title", hasItems("Early", "Late", "Undated"))
                .body("items.find { it.title == 'Late' }.publishedAt.value", equalTo("2020-03-15T10:00:00Z"));
    }

    @Test
    void cursorPaginationIsStableUnderConcurrentInserts() {
        for (int i = 1; i <= 5; i++) {
            storeArticle("Article " + i, "Text number " + i + ".", "2019-03-0" + i, List.of(), null, null, null);
        }
        JsonPath first = given().queryParam("source", source).queryParam("limit", 2).get("/articles").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.title", String.class)).containsExactly("Article 5", "Article 4");
        // a newer article arrives between two page requests: the next pages neither repeat nor skip anything
        storeArticle("Article 6", "Text number 6.", "2019-03-09", List.of(), null, null, null);
        JsonPath second = given().queryParam("source", source).queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get("/articles").then().extract().jsonPath();
        JsonPath third = given().queryParam("source", source).queryParam("limit", 2).queryParam("cursor", second.getString("next"))
                .get("/articles").then().extract().jsonPath();
        assertThat(second.getList("items.title", String.class)).containsExactly("Article 3", "Article 2");
        assertThat(third.getList("items.title", String.class)).containsExactly("Article 1");
        assertThat(third.getString("next")).isNull();
    }

    @Test
    void entitiesAreListedWithAliasesCountsNeighboursAndTimeline() {
        String[] khalid = personOf("Khalid");
        String t1 = "Khalid " + person + " and the Libyan National Army. " + person + " again.";
        String t2 = "Khalid " + person + " with the Libyan National Army once more.";
        String t3 = "Undated: Khalid " + person + " on May 29, 2019 and in 2016.";
        storeArticle("A", t1, "2019-04-12", List.<String[]>of(khalid), "Libyan National Army", null, null);
        storeArticle("B", t2, "2019-05-02", List.<String[]>of(khalid), "Libyan National Army", null, null);
        var c = storeArticle("C", t3, null, List.<String[]>of(khalid), null, "May 29, 2019", "2019-05-29");
        store.store(new EnrichedArticle(1, c.id(), null, null, c.source(), c.title(), c.text(), "en", c.publishedAt(), c.receivedAt(),
                c.entities(), List.of(Articles.date(t3, "May 29, 2019", "2019-05-29"), Articles.date(t3, "2016", "2016")), c.enrichment()));

        given().queryParam("q", person.toLowerCase()).get("/entities").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].key", equalTo(khalid[0]))
                .body("items[0].name", equalTo(khalid[1]))
                .body("items[0].type", equalTo("PERSON"))
                .body("items[0].aliases", hasItems(khalid[1], person))
                .body("items[0].articleCount", equalTo(3))
                .body("items[0].mentionCount", equalTo(4));
        given().get("/entities/" + khalid[0]).then().statusCode(200)
                .body("articleCount", equalTo(3))
                .body("related[0].key", equalTo("organization:libyan-national-army"))
                // by publication: the undated article has no place; by mentioned date: only day-to-month dates count
                .body("timeline.date", contains("2019-04", "2019-05"))
                .body("timeline.articles", contains(1, 1))
                .body("mentionedTimeline.date", contains("2019-05"))
                .body("mentionedTimeline.articles", contains(1));
        given().queryParam("type", "PERSON").queryParam("limit", 200).get("/entities").then()
                .body("items.type", org.hamcrest.Matchers.everyItem(equalTo("PERSON")));
    }

    @Test
    void sourcesAreListedWithCountsMostArticlesFirst() {
        store.store(Articles.article("One", "First text.", source + "-b", "2019-04-12", List.of(), List.of()));
        store.store(Articles.article("Two", "Second text.", source + "-b", "2019-05-02", List.of(), List.of()));
        store.store(Articles.article("Three", "Third text.", source + "-a", null, List.of(), List.of()));

        given().queryParam("q", source.toUpperCase()).get("/sources").then().statusCode(200)
                .body("items.source", contains(source + "-b", source + "-a"))
                .body("items.articleCount", contains(2, 1))
                .body("items[0].latestPublishedAt", startsWith("2019-05-02"))
                .body("items[1].latestPublishedAt", nullValue());
        // LIKE wildcards in q are plain characters
        given().queryParam("q", "%").get("/sources").then().statusCode(200).body("items", empty());
        given().queryParam("limit", "0").get("/sources").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void entityCountsFollowAnArticleStoredAgainWithOtherEntities() {
        String[] khalid = personOf("Khalid");
        String org = "Council of " + person;
        String text = "Khalid " + person + " spoke to the " + org + ". " + person + " left.";
        EnrichedArticle first = storeArticle("Counted", text, "2019-04-12", List.<String[]>of(khalid), org, null, null);
        String orgKey = "organization:" + org.toLowerCase().replace(' ', '-');
        given().get("/entities/" + orgKey).then().body("articleCount", equalTo(1)).body("mentionCount", equalTo(1));

        // re-enriched: the organisation is gone and the person has one mention less
        var person1 = Articles.entity(text, khalid[0], khalid[1], EntityType.PERSON, khalid[2]);
        store.store(new EnrichedArticle(1, first.id(), null, null, first.source(), first.title(), text, "en", first.publishedAt(),
                first.receivedAt(), List.of(person1), List.of(), first.enrichment()));

        given().get("/entities/" + orgKey).then().statusCode(200).body("articleCount", equalTo(0)).body("mentionCount", equalTo(0));
        given().queryParam("q", org).get("/entities").then().body("items.size()", equalTo(0));
        given().get("/entities/" + khalid[0]).then().body("articleCount", equalTo(1)).body("mentionCount", equalTo(1));
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        for (String[] bad : new String[][]{{"limit", "0"}, {"limit", "201"}, {"type", "people"}, {"cursor", "garbage!"},
                {"publishedFrom", "yesterday"}, {"mentionedTo", "May"}, {"language", "german"}, {"language", "de,qq"},
                {"language", "de,"}}) {
            given().queryParam(bad[0], bad[1]).get("/articles").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem(bad[0]));
        }
        given().queryParam("limit", "many").get("/articles").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", "0").get("/entities").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void everyBadParameterOfARequestIsReportedAtOnce() {
        // Bean Validation checks all parameters before the resource runs: one field error each, in one problem
        given().queryParam("limit", "0").queryParam("type", "people").queryParam("q", "a\u0000b").get("/articles").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("limit", "q", "type"))
                .body("errors.find { it.field == 'type' }.message", equalTo("must be one of PERSON, ORGANIZATION, LOCATION, MISC"))
                .body("detail", containsString("Parameter 'limit' must be a whole number between 1 and 200."));
    }

    @Test
    void sqlInParametersIsInert() {
        storeArticle("Safe", "Nothing to see.", "2019-01-01", List.of(), null, null, null);
        for (String attack : List.of("'; DROP TABLE article; --", "x' OR '1'='1", "%' OR 1=1 --", "\\")) {
            given().queryParam("q", attack).queryParam("source", source).get("/articles").then().statusCode(200);
            given().queryParam("entity", attack).get("/articles").then().statusCode(200).body("items.size()", equalTo(0));
            given().queryParam("q", attack).get("/entities").then().statusCode(200);
        }
        // every parameter and path segment: a clear 400 or an empty answer, never a 500, and the data intact
        List<String> articleParams = List.of("q", "entity", "type", "source", "language", "publishedFrom", "publishedTo",
                "mentionedFrom", "mentionedTo", "cursor", "limit");
        for (String attack : List.of("'; DROP TABLE article; --", "1' OR '1'='1", "2019-01-01'; DELETE FROM entity; --",
                "$$; SELECT pg_sleep(5); $$", "\\x00", "\u2028'")) {
            for (String param : articleParams) {
                given().queryParam(param, attack).get("/articles").then().statusCode(anyOf(is(200), is(400)));
            }
            for (String param : List.of("q", "type", "cursor", "limit")) {
                given().queryParam(param, attack).get("/entities").then().statusCode(anyOf(is(200), is(400)));
            }
            given().pathParam("id", attack).get("/articles/{id}").then().statusCode(anyOf(is(400), is(404)));
            given().pathParam("key", attack).get("/entities/{key}").then().statusCode(anyOf(is(400), is(404)));
        }
        given().queryParam("source", source).get("/articles").then().body("items.title", contains("Safe"));
    }

    @Test
    void unknownArticleOrEntityIs404Problem() {
        given().get("/articles/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/articles/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/entities/person:nobody-" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("newsflow_api_store"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/entities/{key}"));
    }
}
