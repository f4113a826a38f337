package io.newsflow.enrichment;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EnrichedArticle.Basis;
import io.newsflow.events.Entity;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounds per article (time budget, analysed characters, mentions) and hostile input the enricher must survive. */
class EnricherLimitsTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Instant RECEIVED = Instant.parse("2019-06-01T12:00:00Z");
    private static final String FOUR_LINES = String.join("\n",
            "Angela Merkel spoke in Berlin on Monday.",
            "Emmanuel Macron spoke in Paris on Tuesday.",
            "Vladimir Putin spoke in Moscow on Wednesday.",
            "Jacinda Ardern spoke in Wellington on Thursday.");

    private static RawArticle text(String text) {
        return new RawArticle(1, "a", null, null, "test", "Leaders", text, null, null, "2019-05-30", "given", RECEIVED);
    }

    private static RawArticle html(String html, String publishedAt, String basis) {
        return new RawArticle(1, "h", null, null, "test", null, null, html, null, publishedAt, basis, RECEIVED);
    }

    private static Enricher limited(Duration budget, int maxChars, int maxMentions) {
        return SharedEnricher.get().withLimits(new Enricher.Limits(budget, maxChars, maxMentions));
    }

    private static List<String> keys(EnrichedArticle a) {
        return a.entities().stream().map(Entity::key).toList();
    }

    private static void assertOffsetsIndexText(EnrichedArticle a) {
        for (Entity e : a.entities()) {
            for (Entity.Mention m : e.mentions()) {
                assertThat(a.text().substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
        for (DateMention d : a.dates()) {
            assertThat(a.text().substring(d.start(), d.end())).isEqualTo(d.text());
        }
    }

    // ---- bounds

    @Test
    void aCompleteEnrichmentKeepsItsJsonAsBefore() throws Exception {
        EnrichedArticle a = SharedEnricher.get().enrich(text(FOUR_LINES));
        assertThat(a.enrichment().complete()).isNull();
        assertThat(a.enrichment().incompleteReason()).isNull();
        String json = EventJson.mapper().writeValueAsString(a.enrichment());
        assertThat(json).doesNotContain("complete").doesNotContain("incompleteReason");
        assertThat(SharedEnricher.get().limits()).isEqualTo(Enricher.Limits.DEFAULT);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(Enricher.Limits.DEFAULT).isEqualTo(new Enricher.Limits(Duration.ofSeconds(20), 200_000, 5_000));
    }

    @Test
    void beyondTheCharacterCapTheTextIsKeptAndOnlyItsFirstPartAnalysed() {
        int cap = FOUR_LINES.indexOf("Vladimir") + 5; // cut back to the line break before Putin's line
        EnrichedArticle a = limited(Duration.ofSeconds(20), cap, 5_000).enrich(text(FOUR_LINES));
        assertThat(a.text()).isEqualTo(FOUR_LINES);
        assertThat(keys(a)).contains("person:angela-merkel", "location:berlin", "person:emmanuel-macron", "location:paris")
                .doesNotContain("person:vladimir-putin", "location:moscow", "location:wellington");
        assertThat(a.dates()).extracting(DateMention::text).containsExactly("Monday", "Tuesday");
        assertThat(a.enrichment().complete()).isFalse();
        int analysed = FOUR_LINES.indexOf("\nVladimir");
        assertThat(a.enrichment().incompleteReason())
                .isEqualTo("analysed the first " + analysed + " of " + FOUR_LINES.length() + " characters");
        assertOffsetsIndexText(a);
    }

    @Test
    void beyondTheTimeBudgetTheSentencesDoneAreKeptAndTheArticleFlagged() {
        // the budget's clock: start, then two sentence checks within the budget, then time is up
        AtomicInteger reads = new AtomicInteger();
        LongSupplier clock = () -> reads.getAndIncrement() < 3 ? 0 : Long.MAX_VALUE / 2;
        EnrichedArticle a = limited(Duration.ofSeconds(20), 200_000, 5_000).withBudgetClock(clock).enrich(text(FOUR_LINES));
        assertThat(a.text()).isEqualTo(FOUR_LINES);
        assertThat(keys(a)).contains("person:angela-merkel", "person:emmanuel-macron")
                .doesNotContain("person:vladimir-putin", "person:jacinda-ardern");
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason()).isEqualTo("time budget 20s exceeded after 2 sentences: analysed the first "
                + FOUR_LINES.indexOf("Vladimir") + " of " + FOUR_LINES.length() + " characters");
        assertOffsetsIndexText(a);
    }

    @Test
    void aTinyBudgetStillStoresTheWholeText() {
        EnrichedArticle a = limited(Duration.ofNanos(1), 200_000, 5_000).enrich(text(FOUR_LINES));
        assertThat(a.text()).isEqualTo(FOUR_LINES);
        assertThat(a.title()).isEqualTo("Leaders");
        assertThat(a.publishedAt().value()).isEqualTo("2019-05-30");
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason()).startsWith("time budget 0ms exceeded after 0 sentences");
    }

    @Test
    void mentionsAndDatesAreCappedInTextOrder() {
        EnrichedArticle a = limited(Duration.ofSeconds(20), 200_000, 3).enrich(text(FOUR_LINES));
        List<Entity.Mention> mentions = a.entities().stream().flatMap(e -> e.mentions().stream()).toList();
        assertThat(mentions).extracting(Entity.Mention::text).containsExactlyInAnyOrder("Angela Merkel", "Berlin", "Emmanuel Macron");
        assertThat(a.dates()).extracting(DateMention::text).containsExactly("Monday", "Tuesday", "Wednesday");
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason()).isEqualTo("kept the first 3 of 8 entity mentions; kept the first 3 of 4 dates");
    }

    @Test
    void a570KilobyteArticleFinishesWithinTheBudget() {
        StringBuilder text = new StringBuilder();
        String[] people = {"Angela Merkel", "Emmanuel Macron", "Vladimir Putin", "Joe Biden", "Narendra Modi", "Xi Jinping"};
        String[] places = {"Berlin", "Paris", "Moscow", "Washington", "New Delhi", "Beijing", "Tripoli", "Cairo"};
        for (int i = 0; text.length() < 570_000; i++) {
            text.append("Report ").append(i).append(": ").append(people[i % people.length]).append(" met ")
                    .append(people[(i / 6 + 1 + i) % people.length]).append(" in ").append(places[i % places.length])
                    .append(" on May ").append(1 + i % 28).append(", ").append(1990 + i % 30)
                    .append(", and the talks, officials said, covered trade, security and item ").append(i * 7).append(".\n");
        }
        Enricher enricher = SharedEnricher.get();
        long started = System.nanoTime();
        EnrichedArticle a = enricher.enrich(text(text.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(enricher.limits().timeBudget().plusSeconds(5)); // the budget plus the stages after it
        assertThat(a.text()).hasSizeGreaterThan(560_000);
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason()).contains("of " + a.text().length() + " characters");
        assertThat(keys(a)).contains("person:angela-merkel", "location:berlin");
        assertThat(a.entities().stream().mapToInt(e -> e.mentions().size()).sum()).isLessThanOrEqualTo(5_000);
        assertOffsetsIndexText(a);
    }

    // ---- hostile pages

    @Test
    void deeplyNestedPagesAreEnriched() {
        for (int depth : new int[] {5_000, 100_000}) {
            String html = "<html><body>" + "<div>".repeat(depth)
                    + "Marshal Khalifa Haftar met Sergei Shoigu in Moscow on Tuesday, officials said.</body></html>";
            long started = CPU.getCurrentThreadCpuTime();
            EnrichedArticle a = SharedEnricher.get().enrich(html(html, null, null));
            // CPU time, not wall time: the build machine may be busy
            assertThat((CPU.getCurrentThreadCpuTime() - started) / 1_000_000).as("CPU ms at depth %d", depth).isLessThan(2_000);
            assertThat(keys(a)).contains("person:khalifa-haftar", "location:moscow");
            assertThat(a.enrichment().complete()).isNull();
        }
    }

    @Test
    void anImpossiblePageDateIsNoDate() {
        String text = "<p>Marshal Khalifa Haftar met Sergei Shoigu in Moscow on Tuesday, officials said.</p>";
        String meta = "<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\"></head><body>"
                + text + "</body></html>";
        String jsonLd = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"0001-01-01T00:00:00+01:00\"}</script></head><body>" + text + "</body></html>";
        for (String page : List.of(meta, jsonLd)) {
            EnrichedArticle a = SharedEnricher.get().enrich(html(page, null, null));
            assertThat(a.publishedAt()).isEqualTo(EnrichedArticle.PublishedAt.unknown());
            // relative dates stay unresolved rather than anchored in year 0
            assertThat(a.dates()).extracting(DateMention::resolved).containsOnly(false);
        }
        // the same from a raw record that carries the page's date (records older than ingest's range check)
        EnrichedArticle fromRaw = SharedEnricher.get().enrich(html(meta, "0001-01-01T00:00:00+01:00", "page"));
        assertThat(fromRaw.publishedAt().basis()).isEqualTo(Basis.unknown);
    }

    @Test
    void anImpossibleDateInTheTextIsNotInferredAsThePublicationDate() {
        EnrichedArticle a = SharedEnricher.get().enrich(new RawArticle(1, "t", null, null, "test", "Old",
                "The treaty was signed on January 5, 1250, in Rome, and Angela Merkel spoke about it on Tuesday.",
                null, null, null, null, RECEIVED));
        assertThat(a.publishedAt()).isEqualTo(EnrichedArticle.PublishedAt.unknown());
    }
}
