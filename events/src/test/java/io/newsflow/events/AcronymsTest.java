package io.newsflow.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcronymsTest {

    @Test
    void acronymsOfBothEnrichmentAndApi() {
        // enrichment's within-article acronyms and api's cross-article ones: one rule
        assertThat(Acronyms.of("GNA")).contains("GNA");
        assertThat(Acronyms.of("U.N.")).contains("UN");
        assertThat(Acronyms.of("HoR")).contains("HoR");
        assertThat(Acronyms.of("AT&T")).contains("AT&T");
        assertThat(Acronyms.of("G7")).contains("G7");
        assertThat(Acronyms.of("ÖVP")).contains("ÖVP");
        assertThat(Acronyms.of(" NATO ")).contains("NATO");
    }

    @Test
    void wordsAndNamesAreNotAcronyms() {
        assertThat(Acronyms.isAcronym("Mr")).isFalse();
        assertThat(Acronyms.isAcronym("Haftar")).isFalse();
        assertThat(Acronyms.isAcronym("iPhone")).isFalse();
        assertThat(Acronyms.isAcronym("COVID-19")).isFalse();
        assertThat(Acronyms.isAcronym("3M")).isFalse();
        assertThat(Acronyms.isAcronym("A")).isFalse();
        assertThat(Acronyms.isAcronym("ABCDEFGHI")).isFalse();
        assertThat(Acronyms.isAcronym("UN Security")).isFalse();
        assertThat(Acronyms.isAcronym(null)).isFalse();
    }
}
