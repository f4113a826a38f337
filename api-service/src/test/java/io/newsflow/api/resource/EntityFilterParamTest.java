package io.newsflow.api.resource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entity filter's wikipedia:<Title> form. */
class EntityFilterParamTest {

    @Test
    void aPageTitleIsReadAsWikipediaReadsIt() {
        assertThat(QueryParams.entity("wikipedia:United_States")).isEqualTo("wikipedia:United_States");
        assertThat(QueryParams.entity("wikipedia:United States")).isEqualTo("wikipedia:United_States");
        assertThat(QueryParams.entity(" Wikipedia: united  States ")).isEqualTo("wikipedia:United_States");
        // only the first letter's case is free, as on Wikipedia
        assertThat(QueryParams.entity("wikipedia:united states")).isEqualTo("wikipedia:United_states");
        assertThat(QueryParams.entity("wikipedia:Washington,_D.C.")).isEqualTo("wikipedia:Washington,_D.C.");
        assertThat(QueryParams.entity("wikipedia:Star Wars: Episode IV")).isEqualTo("wikipedia:Star_Wars:_Episode_IV");
        assertThat(QueryParams.entity("wikipedia:éric_Zemmour")).isEqualTo("wikipedia:Éric_Zemmour");
    }

    @Test
    void keysAndNamesStayAsTheyAre() {
        assertThat(QueryParams.entity("location:united-states")).isEqualTo("location:united-states");
        assertThat(QueryParams.entity(" Haftar ")).isEqualTo("Haftar");
        assertThat(QueryParams.entity(null)).isNull();
        assertThat(QueryParams.entity("  ")).isNull();
    }

    @Test
    void aMissingOrImpossibleTitleIsRefused() {
        for (String bad : new String[]{"wikipedia:", "wikipedia: _ ", "wikipedia:a#b", "wikipedia:a|b", "wikipedia:{x}",
                "wikipedia:" + "é".repeat(128)}) {
            assertThatThrownBy(() -> QueryParams.entity(bad)).as(bad).isInstanceOf(InvalidParameterException.class)
                    .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("entity"));
        }
    }
}
