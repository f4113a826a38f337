package io.newsflow.api.service;

import io.newsflow.api.Articles;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StorableArticlesTest {

    @Test
    void nulCharactersGoAndEveryOffsetStillPointsAtItsWords() {
        String text = "\u0000Ab\u0000c met \u0000\u0000Dd in 2019.\u0000";
        EnrichedArticle a = Articles.article("T\u0000", text, "s\u0000", "2019-01-01",
                List.of(Articles.entity(text, "person:ab\u0000c", "Ab\u0000c", EntityType.PERSON, "Ab\u0000c"),
                        Articles.entity(text, "person:dd", "Dd", EntityType.PERSON, "Dd")),
                List.of(Articles.date(text, "2019", "2019")));

        EnrichedArticle r = StorableArticles.repair(a);

        assertThat(r.text()).isEqualTo("Abc met Dd in 2019.");
        assertThat(r.title()).isEqualTo("T");
        assertThat(r.source()).isEqualTo("s");
        assertThat(r.entities().get(0).key()).isEqualTo("person:abc");
        r.entities().forEach(e -> e.mentions().forEach(m ->
                assertThat(r.text().substring(m.start(), m.end())).isEqualTo(m.text())));
        assertThat(r.entities().get(0).mentions().get(0).text()).isEqualTo("Abc");
        assertThat(r.text().substring(r.dates().get(0).start(), r.dates().get(0).end())).isEqualTo("2019");
    }

    @Test
    void fullDatesOutsideTheRangeBecomeUnknownPartialOnesStay() {
        for (String impossible : List.of("0001-01-01T00:00:00+01:00", "0001-01-01", "1599-12-31", "+12000-01-01",
                "+10000-01-01T00:00:00Z")) {
            EnrichedArticle r = StorableArticles.repair(Articles.article("T", "x", "s", impossible, List.of(), List.of()));
            assertThat(r.publishedAt()).as(impossible).isEqualTo(EnrichedArticle.PublishedAt.unknown());
        }
        for (String kept : List.of("1600-01-01", "2019-04-12T10:00:00+02:00", "9999-12-31", "2019-05")) {
            EnrichedArticle a = Articles.article("T", "x", "s", kept, List.of(), List.of());
            assertThat(StorableArticles.repair(a)).as(kept).isSameAs(a);
        }
    }

    @Test
    void aReceivedTimeOutsideTheRangeIsLeftForTheStoreToSet() {
        EnrichedArticle a = Articles.article("T", "x", "s", null, List.of(), List.of());
        EnrichedArticle far = new EnrichedArticle(1, a.id(), null, null, "s", "T", "x", "en", a.publishedAt(),
                Instant.parse("+20000-01-01T00:00:00Z"), List.of(), List.of(), a.enrichment());
        assertThat(StorableArticles.repair(far).receivedAt()).isNull();
    }

    @Test
    void entitiesWithKeysNoIndexHoldsAreLeftOutAndALongSourceIsCut() {
        String text = "Ab met Cd.";
        EnrichedArticle a = Articles.article("T", text, "s".repeat(400), null,
                List.of(Articles.entity(text, "person:" + "x".repeat(400), "Ab", EntityType.PERSON, "Ab"),
                        Articles.entity(text, "person:cd", "Cd", EntityType.PERSON, "Cd")), List.of());
        EnrichedArticle r = StorableArticles.repair(a);
        assertThat(r.entities()).extracting(e -> e.key()).containsExactly("person:cd");
        assertThat(r.source()).hasSize(StorableArticles.MAX_INDEXED_CHARS);
    }

    @Test
    void wikipediaLinksStayAndLinksTheStoreCannotKeepGoWithTheirEntityKept() {
        String text = "Ab met Cd and Ef in Gh.";
        Entity ab = Articles.entity(text, "person:ab", "Ab", EntityType.PERSON, "Ab").withLink(Entity.Link.wikipedia("Ab"));
        EnrichedArticle plain = Articles.article("T", text, "s", null, List.of(ab), List.of());
        assertThat(StorableArticles.repair(plain)).isSameAs(plain);

        EnrichedArticle a = Articles.article("T", text, "s", null, List.of(ab,
                Articles.entity(text, "person:cd", "Cd", EntityType.PERSON, "Cd")
                        .withLink(new Entity.Link("wikidata", "Q1", "https://www.wikidata.org/wiki/Q1")),
                Articles.entity(text, "person:ef", "Ef", EntityType.PERSON, "Ef").withLink(Entity.Link.wikipedia("E".repeat(400))),
                Articles.entity(text, "location:gh", "Gh", EntityType.LOCATION, "Gh").withLink(new Entity.Link("wikipedia", "G\u0000h", null))),
                List.of());
        EnrichedArticle r = StorableArticles.repair(a);
        assertThat(r.entities()).extracting(Entity::key).containsExactly("person:ab", "person:cd", "person:ef", "location:gh");
        assertThat(r.entities()).extracting(Entity::link).containsExactly(Entity.Link.wikipedia("Ab"), null, null, null);
    }
}
