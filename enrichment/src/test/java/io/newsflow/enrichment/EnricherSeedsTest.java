package io.newsflow.enrichment;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real enricher on the repository's seed articles (../seeds from the module folder). */
class EnricherSeedsTest {

    private static final Path SEEDS = Path.of("..", "seeds");

    /** Seeds whose publication date we know (the others have none: unknown or inferred). */
    private static final Map<String, String> PUBLISHED = Map.of("003", "2019-04-12");

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static EnrichedArticle enrich(Path seed) throws IOException {
        String content = Files.readString(seed, StandardCharsets.UTF_8);
        int nl = content.indexOf('\n');
        String published = PUBLISHED.get(seed.getFileName().toString().substring(0, 3));
        RawArticle raw = new RawArticle(1, null, null, null, "seed", content.substring(0, nl).strip(), content.substring(nl + 1),
                null, null, published, published == null ? null : "given", null);
        return SharedEnricher.get().enrich(raw);
    }

    @Test
    void everySeedIsAboutKhalifaHaftarAndHasNoBoilerplateLeft() throws IOException {
        List<Path> seeds = seeds();
        assertThat(seeds).hasSize(5);
        for (Path seed : seeds) {
            EnrichedArticle a = enrich(seed);
            assertThat(a.entities()).as(seed.toString())
                    .filteredOn(e -> e.key().equals("person:khalifa-haftar"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.name()).isEqualTo("Khalifa Haftar"));
            assertThat(a.text().lines()).as(seed.toString())
                    .noneMatch(l -> l.contains("Advertisement") || l.contains("Subscribe to our newsletter")
                            || l.strip().equals("Rate it") || l.contains("Sign up here") || l.strip().matches("[\\d ,]+"));
            for (Entity e : a.entities()) {
                e.mentions().forEach(m -> assertThat(a.text().substring(m.start(), m.end())).isEqualTo(m.text()));
            }
            a.dates().forEach(d -> assertThat(a.text().substring(d.start(), d.end())).isEqualTo(d.text()));
            assertThat(a.title()).as(seed.toString()).isNotBlank().doesNotContain(" / News");
        }
    }

    @Test
    void seed000() throws IOException {
        EnrichedArticle a = enrich(seed("000"));
        assertThat(a.title()).isEqualTo("Moscow will support Haftar");
        assertThat(a.text()).startsWith("Commander of the Libyan National Army Marshal Khalifa Haftar")
                .endsWith("on May 29, 2019.")
                .doesNotContain("Moscow will support Haftar\n");
        // no publication date given: the latest explicit date of the text
        assertThat(a.publishedAt()).isEqualTo(new EnrichedArticle.PublishedAt("2019-05-29", EnrichedArticle.Basis.inferred));
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value)
                .contains(org.assertj.core.groups.Tuple.tuple("May 29, 2019", "2019-05-29"),
                        org.assertj.core.groups.Tuple.tuple("May 20", "2019-05-20"));
        assertThat(a.entities()).extracting(Entity::key)
                .contains("person:vladimir-putin", "person:recep-taiyip-erdogan", "location:moscow");
    }

    @Test
    void seed001And002() throws IOException {
        EnrichedArticle a = enrich(seed("001"));
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value)
                .contains(org.assertj.core.groups.Tuple.tuple("22 September 2016", "2016-09-22"),
                        org.assertj.core.groups.Tuple.tuple("May 2014", "2014-05"));
        assertThat(a.entities()).extracting(Entity::key).contains("person:sergei-shoigu", "organization:government-of-national-accord");
        assertThat(entity(a, "organization:government-of-national-accord").mentions()).extracting(Entity.Mention::text).contains("GNA");

        EnrichedArticle b = enrich(seed("002"));
        assertThat(b.text()).doesNotContain("Popular posts").doesNotContain("Danish company");
        assertThat(entity(b, "person:sergei-lavrov").name()).isEqualTo("Sergey Lavrov");
    }

    @Test
    void seed003DatesResolveAgainstPublication() throws IOException {
        EnrichedArticle a = enrich(seed("003"));
        assertThat(a.publishedAt()).isEqualTo(new EnrichedArticle.PublishedAt("2019-04-12", EnrichedArticle.Basis.given));
        assertThat(value(a, "Thursday the 11th of April")).startsWith("2019-04-11");
        assertThat(value(a, "Friday, April 5")).isEqualTo("2019-04-05");
        assertThat(value(a, "late November")).isEqualTo("2018-11");
        assertThat(value(a, "late Sunday")).isEqualTo("2019-04-07");
        assertThat(value(a, "Friday the 12th of April")).isEqualTo("2019-04-12");
        // every calendar date resolves; "previously" is TimeML's PAST_REF, which names no date
        assertThat(value(a, "previously")).isEqualTo("PAST_REF");
        assertThat(a.dates()).filteredOn(d -> !d.value().endsWith("_REF")).allMatch(DateMention::resolved);
        assertThat(a.text()).doesNotStartWith("0 6,986").doesNotContain("Get real time updates");
    }

    @Test
    void seed004TitleLosesItsBreadcrumbAndShoyguIsShoigu() throws IOException {
        EnrichedArticle a = enrich(seed("004"));
        assertThat(a.title()).isEqualTo("Haftar hopes to receive military aid from Kremlin");
        assertThat(a.text()).startsWith("The commander of the army");
        assertThat(entity(a, "person:sergei-shoigu").name()).isEqualTo("Sergei Shoygu");
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<Path> seeds = seeds();
        Map<Path, EnrichedArticle> sequential = new java.util.HashMap<>();
        for (Path seed : seeds) {
            sequential.put(seed, withoutTiming(enrich(seed)));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<EnrichedArticle>> futures = new java.util.ArrayList<>();
            List<Path> order = new java.util.ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path seed : seeds) {
                    order.add(seed);
                    futures.add(pool.submit(() -> withoutTiming(enrich(seed))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(order.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static EnrichedArticle withoutTiming(EnrichedArticle a) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.externalId(), a.url(), a.source(), a.title(), a.text(),
                a.language(), a.publishedAt(), null, a.entities(), a.dates(), new EnrichedArticle.Enrichment(a.enrichment().version(), 0));
    }

    private static Path seed(String prefix) throws IOException {
        return seeds().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static Entity entity(EnrichedArticle a, String key) {
        return a.entities().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + a.entities().stream().map(Entity::key).toList()));
    }

    private static String value(EnrichedArticle a, String text) {
        return a.dates().stream().filter(d -> d.text().contains(text)).map(DateMention::value).findFirst()
                .orElseThrow(() -> new AssertionError("no date " + text + " in " + a.dates()));
    }
}
