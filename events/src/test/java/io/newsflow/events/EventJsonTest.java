package io.newsflow.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    @Test
    void enrichedArticleRoundTripsWithContractFieldNames() throws Exception {
        var article = new EnrichedArticle(1, "id-1", null, null, "inforos", "Title", "Text about Haftar", "en",
                new EnrichedArticle.PublishedAt("2019-05-30", EnrichedArticle.Basis.given),
                Instant.parse("2026-11-22T10:00:00Z"),
                List.of(new Entity("person:khalifa-haftar", "Khalifa Haftar", EntityType.PERSON, null,
                        List.of(new Entity.Mention("Haftar", 11, 17)))),
                List.of(new DateMention("May 29, 2019", 0, 12, "DATE", "2019-05-29", true)),
                new EnrichedArticle.Enrichment("0.1.0", 42));

        String json = EventJson.mapper().writeValueAsString(article);

        assertThat(json).contains("\"schemaVersion\":1", "\"publishedAt\":{\"value\":\"2019-05-30\",\"basis\":\"given\"}",
                "\"receivedAt\":\"2026-11-22T10:00:00Z\"", "\"type\":\"PERSON\"", "\"mentions\":[{\"text\":\"Haftar\",\"start\":11,\"end\":17}]",
                "\"resolved\":true", "\"enrichment\":{\"version\":\"0.1.0\",\"tookMs\":42}");
        assertThat(EventJson.mapper().readValue(json, EnrichedArticle.class)).isEqualTo(article);
    }

    @Test
    void aLinkedEntityCarriesItsPageAndAnUnlinkedOneLeavesTheFieldOut() throws Exception {
        var mentions = List.of(new Entity.Mention("U.S.", 0, 4));
        var linked = new Entity("location:united-states", "United States", EntityType.LOCATION, null, mentions)
                .withLink(Entity.Link.wikipedia("United States"));
        String json = EventJson.mapper().writeValueAsString(linked);
        assertThat(json).contains("\"link\":{\"kb\":\"wikipedia\",\"id\":\"United_States\","
                + "\"url\":\"https://en.wikipedia.org/wiki/United_States\"}");
        assertThat(EventJson.mapper().readValue(json, Entity.class)).isEqualTo(linked);
        assertThat(EventJson.mapper().writeValueAsString(linked.withLink(null))).doesNotContain("link");
        assertThat(linked.link().filterValue()).isEqualTo("wikipedia:United_States");
    }

    @Test
    void aPageUrlEscapesWhatAPathCannotHold() {
        assertThat(Entity.Link.wikipedia("São Paulo").url()).isEqualTo("https://en.wikipedia.org/wiki/S%C3%A3o_Paulo");
        assertThat(Entity.Link.wikipedia("Washington, D.C.").url()).isEqualTo("https://en.wikipedia.org/wiki/Washington,_D.C.");
        assertThat(Entity.Link.wikipedia("100% (album)").url()).isEqualTo("https://en.wikipedia.org/wiki/100%25_(album)");
    }

    @Test
    void anIncompleteEnrichmentSaysSoAndWhy() throws Exception {
        var incomplete = new EnrichedArticle.Enrichment("0.1.0", 20_013, false, "analysed the first 199987 of 570000 characters");
        String json = EventJson.mapper().writeValueAsString(incomplete);
        assertThat(json).isEqualTo("{\"version\":\"0.1.0\",\"tookMs\":20013,\"complete\":false,"
                + "\"incompleteReason\":\"analysed the first 199987 of 570000 characters\"}");
        assertThat(EventJson.mapper().readValue(json, EnrichedArticle.Enrichment.class)).isEqualTo(incomplete);
        // records written before the fields existed read as complete
        assertThat(EventJson.mapper().readValue("{\"version\":\"0.1.0\",\"tookMs\":42}", EnrichedArticle.Enrichment.class))
                .isEqualTo(new EnrichedArticle.Enrichment("0.1.0", 42, null, null));
    }

    @Test
    void theExtractorsThatRanAreListedAndLeftOutWhenUnknown() throws Exception {
        var spanish = new EnrichedArticle.Enrichment("0.1.0", 42, null, null, java.util.List.of("dates:heideltime-es"));
        String json = EventJson.mapper().writeValueAsString(spanish);
        assertThat(json).isEqualTo("{\"version\":\"0.1.0\",\"tookMs\":42,\"extractors\":[\"dates:heideltime-es\"]}");
        assertThat(EventJson.mapper().readValue(json, EnrichedArticle.Enrichment.class)).isEqualTo(spanish);
        // nothing ran (a language without taggers) is said, not left out
        assertThat(EventJson.mapper().writeValueAsString(new EnrichedArticle.Enrichment("0.1.0", 42, null, null, java.util.List.of())))
                .isEqualTo("{\"version\":\"0.1.0\",\"tookMs\":42,\"extractors\":[]}");
        // records written before the field existed have none
        assertThat(EventJson.mapper().writeValueAsString(new EnrichedArticle.Enrichment("0.1.0", 42)))
                .isEqualTo("{\"version\":\"0.1.0\",\"tookMs\":42}");
    }

    @Test
    void rawArticleOmitsAbsentFieldsAndIgnoresUnknownOnes() throws Exception {
        var raw = new RawArticle(1, "id", null, null, null, "T", "body", null, null, null, null, Instant.EPOCH);
        String json = EventJson.mapper().writeValueAsString(raw);
        assertThat(json).doesNotContain("html").doesNotContain("null");
        assertThat(EventJson.mapper().readValue(json.replace("{", "{\"future\":true,"), RawArticle.class)).isEqualTo(raw);
    }

    @Test
    void recordsNoConsumerCanProcessArePoison() {
        var m = EventJson.mapper();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.readRecord(m, "{oops", RawArticle.class, 1))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("Cannot read the record as RawArticle");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.readRecord(m, "{\"schemaVersion\":2,\"id\":\"a\"}", RawArticle.class, 1))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("Unsupported schemaVersion 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.readRecord(m, "{\"schemaVersion\":1}", RawArticle.class, 1))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("no article id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.readRecord(m, null, RawArticle.class, 1))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("no value");
        assertThat(EventJson.readRecord(m, "{\"schemaVersion\":1,\"id\":\"a\",\"text\":\"t\"}", RawArticle.class, 1).text()).isEqualTo("t");
    }
}
