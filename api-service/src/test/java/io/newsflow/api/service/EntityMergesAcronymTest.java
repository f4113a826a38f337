package io.newsflow.api.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The api merges bare acronyms by the rule enrichment groups them by (events' Acronyms), not a rule of its own. */
class EntityMergesAcronymTest {

    @Test
    void theAcronymsEnrichmentRecognisesAreTheOnesMerged() {
        assertThat(EntityMerges.acronym("U.N.")).isEqualTo("UN");
        assertThat(EntityMerges.acronym("G7")).isEqualTo("G7");
        // enrichment joins "HoR" to "House of Representatives" and "ÖVP" to its party: so does the api now
        assertThat(EntityMerges.acronym("HoR")).isEqualTo("HoR");
        assertThat(EntityMerges.acronym("ÖVP")).isEqualTo("ÖVP");
        assertThat(EntityMerges.acronym("Haftar")).isNull();
        assertThat(EntityMerges.acronym("Mr")).isNull();
    }
}
