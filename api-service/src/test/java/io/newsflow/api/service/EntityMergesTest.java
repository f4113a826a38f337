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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** An acronym used alone in some articles and defined in others is one entity, whichever article comes first. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class EntityMergesTest {

    private static final Random RANDOM = new Random();

    @Inject
    ArticleStore store;

    /** A fresh acronym and its organisation per test, so tests sharing the database do not meet. */
    private record Org(String acronym, String name) {
        static Org fresh() {
            StringBuilder a = new StringBuilder("Q");
            for (int i = 0; i < 4; i++) {
                a.append((char) ('A' + RANDOM.nextInt(26)));
            }
            // every letter of the acronym in the name: two tests of one run never share an organisation
            return new Org(a.toString(), "Council of " + a.charAt(1) + "x" + a.substring(2).toLowerCase(Locale.ROOT) + "land Unity");
        }

        String acronymKey() {
            return "organization:" + acronym.toLowerCase(Locale.ROOT);
        }

        String key() {
            return "organization:" + name.toLowerCase(Locale.ROOT).replace(' ', '-');
        }
    }

    private EnrichedArticle bare(Org org) {
        String text = "The " + org.acronym() + " rejected the plan. A spokesman for the " + org.acronym() + " said so.";
        return Articles.article("Bare " + org.acronym(), text, "merge-test", "2019-04-10",
                List.of(Articles.entity(text, org.acronymKey(), org.acronym(), EntityType.ORGANIZATION, org.acronym())), List.of());
    }

    private EnrichedArticle defining(Org org) {
        String text = "The " + org.name() + " (" + org.acronym() + ") met in Tripoli.";
        return Articles.article("Defined " + org.acronym(), text, "merge-test", "2019-04-11",
                List.of(Articles.entity(text, org.key(), org.name(), EntityType.ORGANIZATION, org.name(), org.acronym())), List.of());
    }

    @Test
    void aBareAcronymStoredFirstIsMergedWhenAnArticleDefinesIt() {
        Org org = Org.fresh();
        EnrichedArticle first = bare(org);
        store.store(first);
        given().get("/entities/" + org.acronymKey()).then().statusCode(200).body("articleCount", equalTo(1));

        store.store(defining(org));

        given().get("/entities/" + org.key()).then().statusCode(200)
                .body("articleCount", equalTo(2)).body("mentionCount", equalTo(4))
                .body("aliases", hasItems(org.acronym(), org.name()));
        // the old key answers with the merged entity, and the first article now lists it under the new key
        given().get("/entities/" + org.acronymKey()).then().statusCode(200).body("key", equalTo(org.key()));
        given().get("/articles/" + first.id()).then().statusCode(200)
                .body("entities.key", contains(org.key())).body("entities.name", contains(org.name()));
        given().queryParam("entity", org.acronym()).get("/articles").then().body("items.size()", equalTo(2));
    }

    @Test
    void anArticleListingBothEntitiesKeepsOneInThePlaceOfTheFirstWithAllMentions() {
        Org org = Org.fresh();
        String text = "The " + org.acronym() + " met the " + org.name() + " in Tripoli. The " + org.acronym() + " left.";
        Entity tripoli = new Entity("location:tripoli", "Tripoli", EntityType.LOCATION, "CITY",
                List.of(new Entity.Mention("Tripoli", text.indexOf("Tripoli"), text.indexOf("Tripoli") + 7)));
        EnrichedArticle both = Articles.article("Both " + org.acronym(), text, "merge-test", "2019-04-09", List.of(
                Articles.entity(text, org.acronymKey(), org.acronym(), EntityType.ORGANIZATION, org.acronym()), tripoli,
                Articles.entity(text, org.key(), org.name(), EntityType.ORGANIZATION, org.name())), List.of());
        store.store(both);

        store.store(defining(org));

        int nameAt = text.indexOf(org.name());
        int secondAcronymAt = text.lastIndexOf(org.acronym());
        given().get("/articles/" + both.id()).then().statusCode(200)
                .body("entities.key", contains(org.key(), "location:tripoli"))
                .body("entities[0].name", equalTo(org.name()))
                .body("entities[0].mentions.start", contains(4, nameAt, secondAcronymAt))
                .body("entities[1].subtype", equalTo("CITY"));
        given().get("/entities/" + org.key()).then().statusCode(200)
                .body("articleCount", equalTo(2)).body("mentionCount", equalTo(5));
    }

    @Test
    void aBareAcronymStoredAfterTheDefinitionJoinsItDirectly() {
        Org org = Org.fresh();
        store.store(defining(org));
        EnrichedArticle later = bare(org);
        store.store(later);
        store.store(later); // redelivery changes nothing

        given().get("/entities/" + org.key()).then().statusCode(200).body("articleCount", equalTo(2)).body("mentionCount", equalTo(4));
        given().get("/articles/" + later.id()).then().body("entities.key", contains(org.key()));
    }

    @Test
    void inOneBatchEachArticleSeesTheMergesOfTheOnesBeforeIt() {
        Org org = Org.fresh();
        EnrichedArticle first = bare(org);
        EnrichedArticle last = bare(org);
        store.storeAll(List.of(new ArticleStore.Incoming(first, null), new ArticleStore.Incoming(defining(org), null),
                new ArticleStore.Incoming(last, null)));

        // as one by one: the first is merged into the defined entity, the last joins it directly
        given().get("/entities/" + org.key()).then().statusCode(200)
                .body("articleCount", equalTo(3)).body("mentionCount", equalTo(6))
                .body("aliases", hasItems(org.acronym(), org.name()));
        given().get("/entities/" + org.acronymKey()).then().statusCode(200).body("key", equalTo(org.key()));
        given().get("/articles/" + first.id()).then().statusCode(200)
                .body("entities.key", contains(org.key())).body("entities.name", contains(org.name()));
        given().get("/articles/" + last.id()).then().body("entities.key", contains(org.key()));
    }

    @Test
    void aMergedArticleIsListedUnderTheDefinedNameInSearchResultsToo() {
        Org org = Org.fresh();
        EnrichedArticle first = bare(org);
        store.store(first);
        store.store(defining(org));

        // the search summary reads the article's entity links, the detail its stored entities: both are renamed
        given().queryParam("q", "spokesman " + org.acronym()).queryParam("source", "merge-test").get("/articles").then()
                .body("items.find { it.id == '" + first.id() + "' }.entities.name", contains(org.name()));
    }

    @Test
    void inOneBatchABareAcronymAfterItsDefinitionJoinsItDirectly() {
        // the definition's rows are still queued when the bare acronym is resolved: the lookup must see them
        Org org = Org.fresh();
        EnrichedArticle later = bare(org);
        store.storeAll(List.of(new ArticleStore.Incoming(defining(org), null), new ArticleStore.Incoming(later, null)));

        given().get("/entities/" + org.key()).then().statusCode(200).body("articleCount", equalTo(2)).body("mentionCount", equalTo(4));
        given().get("/articles/" + later.id()).then().body("entities.key", contains(org.key()));
        given().get("/entities/" + org.acronymKey()).then().statusCode(200).body("key", equalTo(org.key()));
    }

    @Test
    void anAcronymTwoOrganisationsShareIsNotMerged() {
        Org one = Org.fresh();
        Org other = new Org(one.acronym(), "Quiet League of " + one.acronym().substring(1, 3) + "a Traders");
        store.store(defining(one));
        store.store(defining(other));
        EnrichedArticle ambiguous = bare(one);
        store.store(ambiguous);

        given().get("/articles/" + ambiguous.id()).then().body("entities.key", contains(one.acronymKey()));
        given().get("/entities/" + one.key()).then().body("articleCount", equalTo(1));
        given().get("/entities/" + other.key()).then().body("articleCount", equalTo(1));
    }

    @Test
    void inOneBatchAnAcronymTwoOrganisationsShareIsNotMergedEither() {
        Org one = Org.fresh();
        Org other = new Org(one.acronym(), "Quiet League of " + one.acronym().substring(1, 3) + "a Traders");
        EnrichedArticle ambiguous = bare(one);
        store.storeAll(List.of(new ArticleStore.Incoming(defining(one), null), new ArticleStore.Incoming(defining(other), null),
                new ArticleStore.Incoming(ambiguous, null)));

        given().get("/articles/" + ambiguous.id()).then().body("entities.key", contains(one.acronymKey()));
        given().get("/entities/" + one.key()).then().body("articleCount", equalTo(1));
        given().get("/entities/" + other.key()).then().body("articleCount", equalTo(1));
    }

    @Test
    void peopleAreNeverMergedByInitials() {
        String text = "JFK spoke. John Fitzgerald Kennedy (JFK) spoke again.";
        Entity initials = Articles.entity("JFK spoke.", "person:jfk-" + RANDOM.nextInt(1_000_000), "JFK", EntityType.PERSON, "JFK");
        store.store(Articles.article("Initials", "JFK spoke.", "merge-test", null, List.of(initials), List.of()));
        store.store(Articles.article("Full name", text, "merge-test", null, List.of(Articles.entity(text,
                "person:john-kennedy-" + RANDOM.nextInt(1_000_000), "John Fitzgerald Kennedy", EntityType.PERSON,
                "John Fitzgerald Kennedy", "JFK")), List.of()));
        given().get("/entities/" + initials.key()).then().statusCode(200).body("key", equalTo(initials.key()));
    }
}
