package io.newsflow.api.service;

import io.newsflow.api.Articles;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Entities linked to Wikipedia, one key per linked page, one type per entity and a surname alone joining its one
 * person, across articles and in either arrival order, against real PostgreSQL. Every test invents its own names.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class EntityIdentitiesTest {

    private static final Random RANDOM = new Random();

    @Inject
    ArticleStore store;

    /** A word no other test uses, capitalised ("Qxkvob"). */
    private String word;
    private String source;

    @BeforeEach
    void inventNames() {
        StringBuilder w = new StringBuilder("Q");
        for (int i = 0; i < 6; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        word = w.toString();
        source = "identity-" + word.toLowerCase(Locale.ROOT);
    }

    private String lower() {
        return word.toLowerCase(Locale.ROOT);
    }

    private static Entity.Link page(String title) {
        return Entity.Link.wikipedia(title);
    }

    /** An article naming one entity by the given form, linked to the page when it is not null. */
    private EnrichedArticle naming(String key, String form, EntityType type, Entity.Link link) {
        String text = "Reports from " + form + " came in on Monday. Officials in " + form + " said little.";
        Entity e = Articles.entity(text, key, form, type, form).withLink(link);
        return Articles.article(form + " report", text, source, "2019-04-10", List.of(e), List.of());
    }

    private EnrichedArticle stored(EnrichedArticle a) {
        store.store(a);
        return a;
    }

    @Test
    void theLinkIsStoredAndReturnedByArticleAndEntityAndAbsentWithoutOne() {
        String title = "United_" + word;
        String key = "location:united-" + lower();
        String text = "United " + word + " and the " + word + " Party met.";
        Entity linked = Articles.entity(text, key, "United " + word, EntityType.LOCATION, "United " + word).withLink(page(title));
        Entity unlinked = Articles.entity(text, "organization:" + lower() + "-party", word + " Party", EntityType.ORGANIZATION, word + " Party");
        EnrichedArticle a = stored(Articles.article("Link", text, source, "2019-04-10", List.of(linked, unlinked), List.of()));

        given().get("/articles/" + a.id()).then().statusCode(200)
                .body("entities[0].link.kb", equalTo("wikipedia"))
                .body("entities[0].link.id", equalTo(title))
                .body("entities[0].link.url", equalTo("https://en.wikipedia.org/wiki/" + title))
                .body("entities[1]", not(hasKey("link")));
        given().get("/entities/" + key).then().statusCode(200)
                .body("link.id", equalTo(title)).body("link.url", equalTo("https://en.wikipedia.org/wiki/" + title));
        given().queryParam("q", "United " + word).get("/entities").then().statusCode(200)
                .body("items.find { it.key == '" + key + "' }.link.id", equalTo(title));
        given().get("/entities/" + unlinked.key()).then().statusCode(200).body("$", not(hasKey("link")));
    }

    @Test
    void anEntityStoredWithoutALinkGetsTheOneALaterArticleGivesIt() {
        String key = "location:" + lower();
        stored(naming(key, word, EntityType.LOCATION, null));
        given().get("/entities/" + key).then().body("$", not(hasKey("link")));
        stored(naming(key, word, EntityType.LOCATION, page(word)));
        given().get("/entities/" + key).then().body("link.id", equalTo(word)).body("articleCount", equalTo(2));
    }

    @Test
    void twoSpellingsLinkedToOnePageAreOneKeyWhicheverArrivesFirst() {
        for (boolean abbreviationFirst : List.of(true, false)) {
            inventNames();
            String title = "United_" + word;
            EnrichedArticle abbreviated = naming("location:u-" + lower(), "U. " + word, EntityType.LOCATION, page(title));
            EnrichedArticle full = naming("location:united-" + lower(), "United " + word, EntityType.LOCATION, page(title));
            EnrichedArticle first = stored(abbreviationFirst ? abbreviated : full);
            EnrichedArticle second = stored(abbreviationFirst ? full : abbreviated);
            String key = first.entities().get(0).key(); // the page's first key keeps it
            String otherKey = second.entities().get(0).key();

            given().get("/articles/" + second.id()).then().body("entities.key", contains(key))
                    .body("entities[0].link.id", equalTo(title));
            given().get("/entities/" + key).then().statusCode(200)
                    .body("articleCount", equalTo(2)).body("mentionCount", equalTo(4))
                    .body("aliases", hasItems("U. " + word, "United " + word)).body("link.id", equalTo(title));
            given().get("/entities/" + otherKey).then().statusCode(200).body("key", equalTo(key));
            given().queryParam("q", word).get("/entities").then().body("items.key", contains(key));
        }
    }

    @Test
    void aKeyStoredUnlinkedMovesOverWhenAnArticleLinksItToAPageAnotherKeyHolds() {
        String title = "United_" + word;
        EnrichedArticle holder = stored(naming("location:united-" + lower(), "United " + word, EntityType.LOCATION, page(title)));
        EnrichedArticle unlinkedBefore = stored(naming("location:u-" + lower(), "U. " + word, EntityType.LOCATION, null));
        EnrichedArticle linkedNow = stored(naming("location:u-" + lower(), "U. " + word, EntityType.LOCATION, page(title)));

        String key = holder.entities().get(0).key();
        given().get("/articles/" + unlinkedBefore.id()).then().body("entities.key", contains(key));
        given().get("/articles/" + linkedNow.id()).then().body("entities.key", contains(key));
        given().get("/entities/" + key).then().body("articleCount", equalTo(3));
    }

    @Test
    void inOneBatchAndInOneArticleEntitiesLinkedToOnePageAreOne() {
        String title = "United_" + word;
        EnrichedArticle abbreviated = naming("location:u-" + lower(), "U. " + word, EntityType.LOCATION, page(title));
        EnrichedArticle full = naming("location:united-" + lower(), "United " + word, EntityType.LOCATION, page(title));
        String text = "U. " + word + " is United " + word + ".";
        EnrichedArticle both = Articles.article("Both", text, source, "2019-04-11", List.of(
                Articles.entity(text, "location:u-" + lower(), "U. " + word, EntityType.LOCATION, "U. " + word).withLink(page(title)),
                Articles.entity(text, "location:united-" + lower(), "United " + word, EntityType.LOCATION, "United " + word)
                        .withLink(page(title))), List.of());
        store.storeAll(List.of(new ArticleStore.Incoming(both, null), new ArticleStore.Incoming(full, null),
                new ArticleStore.Incoming(abbreviated, null)));

        String key = "location:u-" + lower();
        given().get("/articles/" + both.id()).then().body("entities.key", contains(key))
                .body("entities[0].mentions.text", contains("U. " + word, "United " + word));
        given().get("/articles/" + full.id()).then().body("entities.key", contains(key));
        given().get("/entities/" + key).then().body("articleCount", equalTo(3)).body("mentionCount", equalTo(6));
        given().get("/entities/location:united-" + lower()).then().statusCode(200).body("key", equalTo(key));
    }

    @Test
    void aKeyThatHoldsAnotherPageIsNotMergedIntoAPagesHolder() {
        EnrichedArticle state = stored(naming("location:" + lower(), word, EntityType.LOCATION, page(word + "_(state)")));
        EnrichedArticle city = stored(naming("location:" + lower() + "-city", word + " City", EntityType.LOCATION, page(word + ",_D.C.")));
        // an article linking the state's key to the city's page leaves both entities where they are
        EnrichedArticle odd = stored(naming("location:" + lower(), word, EntityType.LOCATION, page(word + ",_D.C.")));

        given().get("/articles/" + odd.id()).then().body("entities.key", contains(state.entities().get(0).key()));
        given().get("/entities/" + state.entities().get(0).key()).then().body("link.id", equalTo(word + "_(state)"));
        given().get("/entities/" + city.entities().get(0).key()).then().body("articleCount", equalTo(1));
    }

    @Test
    void anEntityTakesTheTypeMostOfItsArticlesGiveIt() {
        String title = "Al_" + word;
        EnrichedArticle misc = stored(naming("misc:" + lower(), word, EntityType.MISC, page(title)));
        EnrichedArticle person = stored(naming("person:al-" + lower(), "Al " + word, EntityType.PERSON, page(title)));
        String key = misc.entities().get(0).key();
        // one article each way: the type it had stays
        given().get("/entities/" + key).then().body("type", equalTo("MISC"));
        given().get("/articles/" + person.id()).then().body("entities.key", contains(key)).body("entities.type", contains("MISC"));

        EnrichedArticle another = stored(naming("person:al-" + lower(), "Al " + word, EntityType.PERSON, page(title)));

        // two of three articles say PERSON: the entity and every article's row are a person now
        given().get("/entities/" + key).then().body("type", equalTo("PERSON")).body("articleCount", equalTo(3));
        for (EnrichedArticle a : List.of(misc, person, another)) {
            given().get("/articles/" + a.id()).then().body("entities.key", contains(key)).body("entities.type", contains("PERSON"));
        }
        given().queryParam("source", source).queryParam("type", "MISC").get("/articles").then().body("items.size()", equalTo(0));
        given().queryParam("source", source).queryParam("type", "PERSON").get("/articles").then().body("items.size()", equalTo(3));
        given().queryParam("q", word).queryParam("type", "PERSON").get("/entities").then().body("items.key", contains(key));

        // the evidence is what each article gave: two more MISC articles turn it back
        stored(naming("misc:" + lower(), word, EntityType.MISC, page(title)));
        stored(naming("misc:" + lower(), word, EntityType.MISC, page(title)));
        given().get("/entities/" + key).then().body("type", equalTo("MISC"));
        given().get("/articles/" + another.id()).then().body("entities.type", contains("MISC"));
    }

    @Test
    void aSurnameAloneJoinsTheOnePersonOfThatSurnameWhicheverArrivesFirst() {
        String full = "person:ivan-" + lower();
        EnrichedArticle person = stored(naming(full, "Ivan " + word, EntityType.PERSON, null));
        EnrichedArticle surname = stored(naming("person:" + lower(), word, EntityType.PERSON, null));
        given().get("/articles/" + surname.id()).then().body("entities.key", contains(full))
                .body("entities.name", contains("Ivan " + word));
        given().get("/entities/person:" + lower()).then().statusCode(200).body("key", equalTo(full));
        given().get("/entities/" + full).then().body("articleCount", equalTo(2)).body("aliases", hasItems(word, "Ivan " + word));

        inventNames();
        EnrichedArticle aloneFirst = stored(naming("person:" + lower(), word, EntityType.PERSON, null));
        given().get("/entities/person:" + lower()).then().body("key", equalTo("person:" + lower()));
        stored(naming("person:olga-" + lower(), "Olga " + word, EntityType.PERSON, null));
        given().get("/articles/" + aloneFirst.id()).then().body("entities.key", contains("person:olga-" + lower()));
        given().get("/entities/person:" + lower()).then().body("key", equalTo("person:olga-" + lower()));
        given().get("/entities/person:olga-" + lower()).then().body("articleCount", equalTo(2));
    }

    @Test
    void aSurnameStoredWithItsPageGivesThePageToThePersonItJoins() {
        EnrichedArticle alone = stored(naming("person:" + lower(), word, EntityType.PERSON, page("Ivan_" + word)));
        stored(naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, null));

        given().get("/articles/" + alone.id()).then().body("entities.key", contains("person:ivan-" + lower()))
                .body("entities[0].link.id", equalTo("Ivan_" + word));
        given().get("/entities/person:ivan-" + lower()).then().body("link.id", equalTo("Ivan_" + word));
        given().queryParam("entity", "wikipedia:Ivan_" + word).get("/articles").then().body("items.size()", equalTo(2));
    }

    @Test
    void inOneBatchASurnameBeforeItsPersonJoinsItToo() {
        EnrichedArticle alone = naming("person:" + lower(), word, EntityType.PERSON, null);
        EnrichedArticle person = naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, null);
        EnrichedArticle aloneAgain = naming("person:" + lower(), word, EntityType.PERSON, null);
        store.storeAll(List.of(new ArticleStore.Incoming(alone, null), new ArticleStore.Incoming(person, null),
                new ArticleStore.Incoming(aloneAgain, null)));

        for (EnrichedArticle a : List.of(alone, person, aloneAgain)) {
            given().get("/articles/" + a.id()).then().body("entities.key", contains("person:ivan-" + lower()));
        }
        given().get("/entities/person:ivan-" + lower()).then().body("articleCount", equalTo(3));
    }

    @Test
    void aSurnameTwoStoredPeopleShareJoinsNeither() {
        stored(naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, null));
        stored(naming("person:olga-" + lower(), "Olga " + word, EntityType.PERSON, null));
        EnrichedArticle alone = stored(naming("person:" + lower(), word, EntityType.PERSON, null));

        given().get("/articles/" + alone.id()).then().body("entities.key", contains("person:" + lower()));
        given().get("/entities/person:ivan-" + lower()).then().body("articleCount", equalTo(1));
        given().get("/entities/person:olga-" + lower()).then().body("articleCount", equalTo(1));
        given().queryParam("q", word).get("/entities").then()
                .body("items.key", containsInAnyOrder("person:" + lower(), "person:ivan-" + lower(), "person:olga-" + lower()));
    }

    @Test
    void aSecondPersonOfTheSurnameLeavesTheMergeMadeAndStopsNewOnes() {
        String ivan = "person:ivan-" + lower();
        stored(naming(ivan, "Ivan " + word, EntityType.PERSON, null));
        EnrichedArticle joined = stored(naming("person:" + lower(), word, EntityType.PERSON, null));
        stored(naming("person:olga-" + lower(), "Olga " + word, EntityType.PERSON, null));

        given().get("/articles/" + joined.id()).then().body("entities.key", contains(ivan));
        given().get("/entities/" + ivan).then().body("articleCount", equalTo(2));
        given().get("/entities/person:olga-" + lower()).then().body("articleCount", equalTo(1));

        // another surname, stored alone while two people bear it, is merged with neither, then or later
        inventNames();
        stored(naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, null));
        stored(naming("person:olga-" + lower(), "Olga " + word, EntityType.PERSON, null));
        EnrichedArticle alone = stored(naming("person:" + lower(), word, EntityType.PERSON, null));
        stored(naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, null));
        given().get("/articles/" + alone.id()).then().body("entities.key", contains("person:" + lower()));
    }

    @Test
    void aSurnameAndAPersonLinkedToTwoPagesStayApart() {
        stored(naming("person:ivan-" + lower(), "Ivan " + word, EntityType.PERSON, page("Ivan_" + word)));
        EnrichedArticle alone = stored(naming("person:" + lower(), word, EntityType.PERSON, page(word + "_(band)")));
        given().get("/articles/" + alone.id()).then().body("entities.key", contains("person:" + lower()));
    }

    @Test
    void theEntityFilterTakesALinkedPageByTitleWithUnderscoresOrSpaces() {
        String title = "United_" + word;
        EnrichedArticle abbreviated = stored(naming("location:u-" + lower(), "U. " + word, EntityType.LOCATION, page(title)));
        EnrichedArticle full = stored(naming("location:united-" + lower(), "United " + word, EntityType.LOCATION, page(title)));
        stored(naming("location:" + lower() + "-land", word + " Land", EntityType.LOCATION, null));

        for (String filter : List.of("wikipedia:" + title, "wikipedia:United " + word, " wikipedia: united_" + word + " ")) {
            given().queryParam("entity", filter).get("/articles").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(abbreviated.id(), full.id()));
        }
        given().queryParam("entity", "wikipedia:" + word + "_Land").get("/articles").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().queryParam("entity", "wikipedia:" + title).queryParam("q", "Monday").get("/articles").then()
                .body("items.id", everyItem(org.hamcrest.Matchers.in(List.of(abbreviated.id(), full.id()))));
    }

    @Test
    void aMalformedPageFilterIsA400ProblemNamingTheParameter() {
        for (String bad : List.of("wikipedia:", "wikipedia:  ", "wikipedia:a#b", "wikipedia:[x]", "wikipedia:" + "x".repeat(256))) {
            given().queryParam("entity", bad).get("/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("errors.field", contains("entity"));
        }
    }
}
