package io.newsflow.enrich.service;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrichment.Enricher;
import io.newsflow.infra.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-article limits reach the library's Enricher, with the documented defaults. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EnrichConfigTest {

    @Inject
    EnrichConfig config;

    @Inject
    Enricher enricher;

    @Test
    void theDefaultsAreTheLibrarysAndReachTheEnricher() {
        assertThat(config.timeBudget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.maxAnalysedChars()).isEqualTo(200_000);
        assertThat(config.maxMentions()).isEqualTo(5_000);
        assertThat(config.limits()).isEqualTo(Enricher.Limits.DEFAULT);
        assertThat(enricher.limits()).isEqualTo(config.limits());
    }

    @Test
    void theDefaultLanguagesAreTheLibrarysAndTheirModelsLoadedAtStartUp() {
        assertThat(config.languages()).isEqualTo(Enricher.DEFAULT_NER_LANGUAGES);
        assertThat(config.modelsDir()).isEmpty();
        // Dutch is configured too: it runs once its model is on the classpath
        assertThat(enricher.nerLanguages()).contains("en", "de", "es", "fr");
    }
}
