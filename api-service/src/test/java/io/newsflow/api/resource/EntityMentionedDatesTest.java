package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.security.ReadAndWriteKeys;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /articles?entity=...&mentionedFrom=...&mentionedTo=... for one entity reads the entity's links, which carry
 * their article's date spans (V16): exactly the entity's articles with a date overlapping the range, newest first, page
 * by page; still exactly after an article is stored again with other dates and after a merge moves links to the entity.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestProfile(ReadAndWriteKeys.class)
class EntityMentionedDatesTest {

    private static final Random RANDOM = new Random();

    @Inject
    ArticleStore store;

    private static String surname() {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    private record Person(String key, String name) {
        static Person named(String first) {
            String name = first + " " + surname();
            return new Person("person:" + name.toLowerCase(Locale.ROOT).replace(' ', '-'), name);
        }

        Entity in(String text) {
            return Articles.entity(text, key, name, EntityType.PERSON, name);
        }
    }

    /** An article about these people, published then, whose text speaks of one date (none: dateForm null). */
    private static EnrichedArticle article(String id, String title, String published, String dateForm, String dateValue,
                                           Person... people) {
        String text = String.join(" and ", java.util.Arrays.stream(people).map(Person::name).toList())
                + (dateForm == null ? " spoke." : " spoke of " + dateForm + ".");
        List<Entity> entities = new ArrayList<>();
        for (Person p : people) {
            entities.add(p.in(text));
        }
        List<DateMention> dates = dateForm == null ? List.of() : List.of(Articles.date(text, dateForm, dateValue));
        EnrichedArticle a = Articles.article(title, text, "mentioned-dates-test", published, entities, dates);
        return id == null ? a : new EnrichedArticle(a.schemaVersion(), id, a.externalId(), a.url(), a.source(), a.title(),
                a.text(), a.language(), a.publishedAt(), a.receivedAt(), a.entities(), a.dates(), a.enrichment());
    }

    private static ValidatableResponse articles(Map<String, ?> params) {
        return given().header("X-API-Key", ReadAndWriteKeys.READ_KEY).queryParams(params).get("/articles").then().statusCode(200);
    }

    private static List<String> titles(Person p, String from, String to) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("entity", p.key()));
        if (from != null) {
            params.put("mentionedFrom", from);
        }
        if (to != null) {
            params.put("mentionedTo", to);
        }
        return articles(params).extract().jsonPath().getList("items.title", String.class);
    }

    @Test
    void anEntitysArticlesMentioningARangeAreExactlyThoseWithADateInIt() {
        Person anna = Person.named("Anna");
        Person boris = Person.named("Boris");
        EnrichedArticle day = article(null, "day", "2019-06-01", "May 29, 2019", "2019-05-29", anna);
        store.store(day);
        store.store(article(null, "year", "2020-01-10", "2019", "2019", anna));          // a year overlaps each of its months
        store.store(article(null, "june", "2019-05-20", "June 2019", "2019-06", anna));
        store.store(article(null, "other entity", "2019-06-02", "May 30, 2019", "2019-05-30", boris));
        store.store(article(null, "undated", "2018-03-01", null, null, anna));
        store.store(article(null, "month, both", "2017-01-01", "May 2019", "2019-05", anna, boris));

        assertTitles(titles(anna, "2019-05", "2019-05"), "year", "day", "month, both");
        assertTitles(titles(boris, "2019-05", "2019-05"), "other entity", "month, both");
        // open ends, a single day, a range nothing speaks of, a reversed (empty) range
        assertTitles(titles(anna, "2019-06", null), "year", "june");
        assertTitles(titles(anna, null, "2019-05-29"), "year", "day", "month, both");
        assertTitles(titles(anna, "2019-05-29", "2019-05-29"), "year", "day", "month, both");
        assertTitles(titles(anna, "2010", "2010"));
        assertTitles(titles(anna, "2020", "2019"));

        // page by page, newest first
        String next = articles(Map.of("entity", anna.key(), "mentionedFrom", "2019-05", "mentionedTo", "2019-05", "limit", 2))
                .body("items.title", contains("year", "day")).extract().path("next");
        articles(Map.of("entity", anna.key(), "mentionedFrom", "2019-05", "mentionedTo", "2019-05", "limit", 2, "cursor", next))
                .body("items.title", contains("month, both")).body("next", nullValue());

        // stored again, now speaking of another month: its links carry the new dates
        store.store(article(day.id(), "day", "2019-06-01", "January 2018", "2018-01", anna));
        assertTitles(titles(anna, "2019-05", "2019-05"), "year", "month, both");
        assertTitles(titles(anna, "2018-01", "2018-01"), "day");
        assertTitles(titles(anna, "2018-01-10", "2018-02-10"), "day");
    }

    @Test
    void aMergeBringsTheMergedEntitysArticlesWithTheirDates() {
        Person carla = Person.named("Carla");
        Person karla = Person.named("Karla"); // another name no automatic rule joins: an analyst merges it
        store.store(article(null, "carla", "2019-06-01", "May 29, 2019", "2019-05-29", carla));
        store.store(article(null, "karla", "2021-02-02", "May 5, 2019", "2019-05-05", karla));
        store.store(article(null, "karla later", "2021-03-03", "March 2021", "2021-03", karla));
        assertTitles(titles(carla, "2019-05", "2019-05"), "carla");

        given().header("Authorization", "Bearer " + ReadAndWriteKeys.WRITE_KEY).contentType(ContentType.JSON)
                .body(Map.of("into", carla.key())).post("/entities/" + karla.key() + "/merge").then().statusCode(200);

        assertTitles(titles(carla, "2019-05", "2019-05"), "karla", "carla");
        assertTitles(titles(carla, "2021-03", null), "karla later");
        assertTitles(titles(karla, "2019-05", "2019-05"), "karla", "carla"); // the merged key answers as the one it joined
        assertTitles(titles(carla, "2020", "2020"));
    }

    private static void assertTitles(List<String> titles, String... expected) {
        if (expected.length == 0) {
            org.hamcrest.MatcherAssert.assertThat(titles, empty());
        } else {
            org.hamcrest.MatcherAssert.assertThat(titles, contains(expected));
        }
    }
}
