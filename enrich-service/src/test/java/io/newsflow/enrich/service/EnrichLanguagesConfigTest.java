package io.newsflow.enrich.service;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.TwoLanguagesSmallLimits;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import io.newsflow.infra.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** NEWSFLOW_ENRICH_LANGUAGES decides which NER models load; the other languages get dates and text, no entities. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(TwoLanguagesSmallLimits.class) // NEWSFLOW_ENRICH_LANGUAGES=en,es
class EnrichLanguagesConfigTest {

    @Inject
    EnrichConfig config;

    @Inject
    Enricher enricher;

    private EnrichedArticle enrich(String text, String language) {
        return enricher.enrich(new RawArticle(1, "t", null, null, null, null, text, null, language, "2019-04-17", "given", null), false);
    }

    @Test
    void onlyTheConfiguredLanguagesRunNer() {
        assertThat(config.languages()).isEqualTo(Set.of("en", "es"));
        assertThat(enricher.nerLanguages()).containsExactly("en", "es");

        EnrichedArticle spanish = enrich("Pedro Sánchez se reunió ayer en Madrid con Olaf Scholz.", "es");
        assertThat(spanish.entities()).extracting(e -> e.key()).contains("person:pedro-sanchez", "location:madrid");
        assertThat(spanish.enrichment().extractors()).containsExactly("ner:es-conll2002", "dates:heideltime-es");

        EnrichedArticle german = enrich("Angela Merkel traf am Montag in Berlin den Präsidenten.", "de");
        assertThat(german.entities()).isEmpty();
        assertThat(german.dates()).isNotEmpty();
        assertThat(german.enrichment().extractors()).containsExactly("ner:off-de:not-configured", "dates:heideltime-de");
    }
}
