package io.newsflow.enrichment;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles without a publication date in languages HeidelTime tags: a dateline ("Madrid, 12 de abril de 2019")
 * gives the inferred publication date, and the relative dates of the text resolve against it. Cleaned and with
 * the language detected, as an article from a feed arrives.
 */
class EnricherInferredDatesTest {

    private static EnrichedArticle enrich(String text) {
        RawArticle raw = new RawArticle(1, null, null, null, "test", null, text, null, null, null, null, null);
        return SharedEnricher.get().enrich(raw);
    }

    private static DateMention date(EnrichedArticle a, String text) {
        return a.dates().stream().filter(d -> d.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no date '" + text + "' in " + a.dates()));
    }

    private static void assertInferred(EnrichedArticle a, String language) {
        assertThat(a.language()).isEqualTo(language);
        assertThat(a.publishedAt().value()).isEqualTo("2019-04-12");
        assertThat(a.publishedAt().basis()).isEqualTo(EnrichedArticle.Basis.inferred);
    }

    @Test
    void spanishDateline() {
        EnrichedArticle a = enrich("Madrid, 12 de abril de 2019\n"
                + "El ministro de Hacienda dijo ayer que el acuerdo con las comunidades autónomas está muy cerca.\n"
                + "Las negociaciones comenzaron hace tres meses y deberían terminar antes del verano.");
        assertInferred(a, "es");
        assertThat(date(a, "ayer").value()).isEqualTo("2019-04-11");
        assertThat(date(a, "ayer").resolved()).isTrue();
    }

    @Test
    void germanDateline() {
        EnrichedArticle a = enrich("Berlin, 12. April 2019\n"
                + "Der Finanzminister sagte gestern, eine Einigung mit den Ländern sei in greifbarer Nähe.\n"
                + "Die Verhandlungen hatten vor drei Monaten begonnen und sollen vor dem Sommer enden.");
        assertInferred(a, "de");
        assertThat(date(a, "gestern").value()).isEqualTo("2019-04-11");
    }

    @Test
    void frenchDateline() {
        EnrichedArticle a = enrich("Paris, le 12 avril 2019\n"
                + "Le ministre des Finances a déclaré hier qu'un accord avec les régions était très proche.\n"
                + "Les négociations ont commencé il y a trois mois et devraient se terminer avant l'été.");
        assertInferred(a, "fr");
        assertThat(date(a, "hier").value()).isEqualTo("2019-04-11");
    }

    @Test
    void datelinesWithAnAbbreviatedMonth() {
        // HeidelTime reads "12. Apr." without its year and "ABR 2019" without its day: joined again, they give the date
        EnrichedArticle german = enrich("Berlin, 12. Apr. 2019\n"
                + "Der Finanzminister sagte gestern, eine Einigung mit den Ländern sei in greifbarer Nähe.\n"
                + "Die Verhandlungen hatten vor drei Monaten begonnen und sollen vor dem Sommer enden.");
        assertInferred(german, "de");
        assertThat(date(german, "gestern").value()).isEqualTo("2019-04-11");
        EnrichedArticle spanish = enrich("Madrid 12 ABR 2019\n"
                + "El ministro de Hacienda dijo ayer que el acuerdo con las comunidades autónomas está muy cerca.\n"
                + "Las negociaciones comenzaron hace tres meses y deberían terminar antes del verano.");
        assertInferred(spanish, "es");
        assertThat(date(spanish, "ayer").value()).isEqualTo("2019-04-11");
    }
}
