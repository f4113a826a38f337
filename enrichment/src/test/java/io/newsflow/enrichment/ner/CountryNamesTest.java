package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountryNamesTest {

    private static EntityType typeOf(EntityType tagged, String text, String language) {
        return CountryNames.asPlaces(List.of(new RawMention(tagged, text, 0, text.length())), language).get(0).type();
    }

    @Test
    void countriesTaggedAsOrganizationsArePlaces() {
        assertThat(typeOf(EntityType.ORGANIZATION, "Rusia", "es")).isEqualTo(EntityType.LOCATION);
        // the Italian name is the English one
        assertThat(typeOf(EntityType.ORGANIZATION, "Russia", "it")).isEqualTo(EntityType.LOCATION);
        assertThat(typeOf(EntityType.ORGANIZATION, "Deutschland", "de")).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void organizationsStayOrganizations() {
        assertThat(typeOf(EntityType.ORGANIZATION, "Unión Europea", "es")).isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf(EntityType.ORGANIZATION, "Naciones Unidas", "es")).isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf(EntityType.ORGANIZATION, "Deutsche Bank", "de")).isEqualTo(EntityType.ORGANIZATION);
        assertThat(typeOf(EntityType.PERSON, "Georgia", "it")).isEqualTo(EntityType.PERSON);
    }
}
