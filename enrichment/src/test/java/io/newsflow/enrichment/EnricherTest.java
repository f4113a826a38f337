package io.newsflow.enrichment;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Basis;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnricherTest {

    private static final Instant RECEIVED = Instant.parse("2019-06-01T12:00:00Z");

    private static RawArticle text(String title, String text, String publishedAt, String basis) {
        return new RawArticle(1, null, null, null, "test", title, text, null, null, publishedAt, basis, RECEIVED);
    }

    private static RawArticle html(String html, String publishedAt) {
        return new RawArticle(1, null, null, "https://example.org/a", "test", null, null, html, null, publishedAt,
                publishedAt == null ? null : "page", RECEIVED);
    }

    /** Every mention and date must point at its own text: the contract's offsets. */
    private static void assertOffsetsIndexText(EnrichedArticle a) {
        for (Entity e : a.entities()) {
            for (Entity.Mention m : e.mentions()) {
                assertThat(a.text().substring(m.start(), m.end())).as("mention of %s", e.key()).isEqualTo(m.text());
            }
        }
        for (DateMention d : a.dates()) {
            assertThat(a.text().substring(d.start(), d.end())).isEqualTo(d.text());
        }
    }

    @Test
    void offsetsAreUtf16IndicesIntoTheText() {
        // characters outside the BMP (two UTF-16 units) and accents before the names shift every offset
        String body = "😀😀 Rate it\nCafé owners in Zürich 🇨🇭 said Marshal Khalifa Haftar met Vladimir Putin in Moscow "
                + "on May 29, 2019.\n\nHaftar later flew to Paris. Erdoğan called Putin on Tuesday.";
        EnrichedArticle a = SharedEnricher.get().enrich(text("Headline", body, "2019-05-30", "given"));
        assertOffsetsIndexText(a);
        assertThat(a.text()).doesNotContain("Rate it");
        assertThat(a.entities()).extracting(Entity::key)
                .contains("person:khalifa-haftar", "person:vladimir-putin", "location:moscow", "location:paris");
        assertThat(a.dates()).extracting(DateMention::value).containsExactly("2019-05-29", "2019-05-28");
    }

    @Test
    void cleanFalseKeepsTheInputTextExactly() {
        String body = "  Rate it\r\n\r\n- Advertisement -\r\nKhalifa Haftar met Sergei Shoigu in Moscow.  \n\n\n";
        EnrichedArticle a = SharedEnricher.get().enrich(text("Headline / News / Site News", body, null, null), false);
        assertThat(a.text()).isEqualTo(body);
        assertThat(a.title()).isEqualTo("Headline / News / Site News");
        assertOffsetsIndexText(a);
        assertThat(a.entities()).extracting(Entity::key).contains("person:khalifa-haftar", "person:sergei-shoigu");
    }

    @Test
    void fillsEveryField() {
        String body = "Khalifa Haftar met Vladimir Putin in Moscow.\nHaftar asked for arms.";
        EnrichedArticle a = SharedEnricher.get().enrich(text("Moscow will support Haftar / News / News agency Inforos", body,
                "2019-05-30", "given"));
        assertThat(a.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
        assertThat(a.id()).isEqualTo(ArticleIds.derive("test", null, null, "Moscow will support Haftar / News / News agency Inforos", body));
        assertThat(a.source()).isEqualTo("test");
        assertThat(a.title()).isEqualTo("Moscow will support Haftar");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.publishedAt()).isEqualTo(new EnrichedArticle.PublishedAt("2019-05-30", Basis.given));
        assertThat(a.receivedAt()).isEqualTo(RECEIVED);
        assertThat(a.enrichment().version()).isEqualTo(Enricher.version()).isNotBlank().doesNotContain("${");
        assertThat(a.enrichment().tookMs()).isNotNegative();
        Entity haftar = a.entities().get(0);
        assertThat(haftar.key()).isEqualTo("person:khalifa-haftar");
        assertThat(haftar.type()).isEqualTo(EntityType.PERSON);
        assertThat(haftar.mentions()).hasSize(2);
        // the JSON has the contract's shape
        String json = EventJson.mapper().valueToTree(a).toString();
        assertThat(json).contains("\"publishedAt\":{\"value\":\"2019-05-30\",\"basis\":\"given\"}")
                .contains("\"key\":\"person:khalifa-haftar\"").doesNotContain("subtype");
    }

    @Test
    void publicationBasis() {
        Enricher enricher = SharedEnricher.get();
        assertThat(enricher.enrich(text("T", "Haftar visited.", "2019-05-30", "page")).publishedAt())
                .isEqualTo(new EnrichedArticle.PublishedAt("2019-05-30", Basis.page));
        assertThat(enricher.enrich(text("T", "Haftar visited.", "2019-05-30T10:00:00Z", null)).publishedAt())
                .isEqualTo(new EnrichedArticle.PublishedAt("2019-05-30T10:00:00Z", Basis.given));
        // inferred: the latest explicit full date not after reception (2020 is after it)
        EnrichedArticle inferred = enricher.enrich(text("T",
                "The deal of 3 March 2018 was renewed on May 29, 2019, and runs to 1 January 2020. Haftar left on Tuesday.", null, null));
        assertThat(inferred.publishedAt()).isEqualTo(new EnrichedArticle.PublishedAt("2019-05-29", Basis.inferred));
        assertThat(inferred.dates()).filteredOn(d -> d.text().equals("Tuesday"))
                .extracting(DateMention::value).containsExactly("2019-05-28");
        EnrichedArticle unknown = enricher.enrich(text("T", "Haftar left on Tuesday.", null, null));
        assertThat(unknown.publishedAt()).isEqualTo(EnrichedArticle.PublishedAt.unknown());
        assertThat(unknown.dates()).allMatch(d -> !d.resolved());
    }

    @Test
    void htmlPagesGiveTitleTextAndPageDate() {
        String page = """
                <html><head><title>Haftar in Moscow | Example News</title>
                <meta property="article:published_time" content="2016-11-29T10:00:00Z"></head>
                <body><nav><a href="/">Home</a></nav><article>
                <p>Marshal Khalifa Haftar met Foreign Minister Sergey Lavrov in Moscow on Tuesday, officials said.</p>
                <p>Haftar had visited Moscow in June and asked for military support, the statement said.</p>
                </article><footer>Copyright 2016 Example News</footer></body></html>""";
        EnrichedArticle a = SharedEnricher.get().enrich(html(page, null));
        assertThat(a.title()).isEqualTo("Haftar in Moscow");
        assertThat(a.text()).startsWith("Marshal Khalifa Haftar").contains("\n\nHaftar had visited").doesNotContain("Home");
        assertThat(a.publishedAt()).isEqualTo(new EnrichedArticle.PublishedAt("2016-11-29T10:00:00Z", Basis.page));
        assertThat(a.dates()).extracting(DateMention::value).containsExactly("2016-11-29", "2016-06");
        assertThat(a.id()).isEqualTo(ArticleIds.derive("test", null, "https://example.org/a", null, page));
        assertOffsetsIndexText(a);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Enricher enricher = SharedEnricher.get();
        assertThatThrownBy(() -> enricher.enrich(text("T", "Body.", "last Tuesday", "given")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publishedAt");
        assertThatThrownBy(() -> enricher.enrich(new RawArticle(1, "x", null, null, null, "T", null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither text nor html");
    }

    @Test
    void emptyAndBoilerplateOnlyTextsGiveEmptyResults() {
        EnrichedArticle a = SharedEnricher.get().enrich(text("Title", "Rate it\n- Advertisement -\n", null, null));
        assertThat(a.text()).isEmpty();
        assertThat(a.entities()).isEmpty();
        assertThat(a.dates()).isEmpty();
        assertThat(a.receivedAt()).isEqualTo(RECEIVED);
        RawArticle noReception = new RawArticle(1, "id-1", null, null, null, null, "", null, null, null, null, null);
        EnrichedArticle b = SharedEnricher.get().enrich(noReception);
        assertThat(b.id()).isEqualTo("id-1");
        assertThat(b.receivedAt()).isEqualTo(SharedEnricher.NOW);
        assertThat(b.title()).isNull();
    }

    /** Names from the 3-class model (PER/ORG/LOC) and MISC from the CoNLL model, in one article (combined CRFs). */
    @Test
    void combinedModelsGiveNamesAndMisc() {
        String body = "Russian President Vladimir Putin met the Libyan commander Khalifa Haftar in Moscow on Monday.\n"
                + "Gazprom said the talks went well.";
        EnrichedArticle a = SharedEnricher.get().enrich(text(null, body, "2019-05-30", "given"), false);
        assertOffsetsIndexText(a);

        assertThat(a.entities()).extracting(Entity::key).contains("person:vladimir-putin", "person:khalifa-haftar",
                "location:moscow", "organization:gazprom");
        assertThat(a.entities()).filteredOn(e -> e.type() == EntityType.MISC).extracting(Entity::name)
                .contains("Russian", "Libyan");
    }
}
