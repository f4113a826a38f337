package io.newsflow.enrichment.ner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceNamesTest {

    @Test
    void theTableIsBuiltOnceAndSaysWhatItCost() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        PlaceNames.BuildCost cost = PlaceNames.buildCost();
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        // the heap figure is only meaningful when this test is the first to use the table in its JVM
        System.out.printf("PlaceNames: %d names of %d regions from %d locales, built in %d ms, heap +%d MB%n",
                cost.names(), cost.regions(), cost.locales(), cost.millis(), (after - before) / (1024 * 1024));
        assertThat(cost.regions()).isGreaterThan(250);
        assertThat(cost.names()).isGreaterThan(10_000);
        assertThat(PlaceNames.buildCost()).isSameAs(cost);
        assertThat(PlaceNames.english("Allemagne")).contains("Germany");
        assertThat(PlaceNames.english("Germany")).isEmpty();
    }
}
