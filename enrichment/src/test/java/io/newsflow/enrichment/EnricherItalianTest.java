package io.newsflow.enrichment;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Italian: our CRF trained on KIND (CoreNLP's stock one runs at 31 tokens/s: README "Languages"). */
class EnricherItalianTest {

    @Test
    void italianWhenConfigured() {
        Enricher enricher = new Enricher(Clock.fixed(SharedEnricher.NOW, ZoneOffset.UTC), Enricher.Limits.DEFAULT, Set.of("it"), null);
        String text = "Il presidente Sergio Mattarella ha incontrato ieri a Roma il cancelliere Olaf Scholz. "
                + "La Russia e l'Unione europea negoziano dall'inizio dell'anno. La Fiat ha accolto l'accordo.";
        EnrichedArticle a = enricher.enrich(new RawArticle(1, "t", null, null, null, null, text, null, "it", "2019-04-17", "given", null), false);
        assertThat(a.entities()).extracting(Entity::key, Entity::type).contains(
                tuple("person:sergio-mattarella", EntityType.PERSON),
                tuple("person:olaf-scholz", EntityType.PERSON),
                tuple("location:roma", EntityType.LOCATION),
                // the model's type stands in Italian (countries as places costs F1 there: LanguageProfile)
                tuple("organization:russia", EntityType.ORGANIZATION),
                tuple("organization:european-union", EntityType.ORGANIZATION),
                tuple("organization:fiat", EntityType.ORGANIZATION));
        a.entities().forEach(e -> e.mentions().forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text())));
        assertThat(a.enrichment().extractors()).containsExactly("ner:it-kind", "dates:heideltime-it");
    }
}
