package io.newsflow.enrichment;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Articles routed by language: HeidelTime dates in the languages it has rules for, the English pipeline for English. */
class EnricherLanguagesTest {

    private static EnrichedArticle enrich(Enricher enricher, String text, String language, String publishedAt) {
        RawArticle raw = new RawArticle(1, "t", null, null, null, null, text, null, language, publishedAt,
                publishedAt == null ? null : "given", null);
        EnrichedArticle a = enricher.enrich(raw, false);
        a.dates().forEach(d -> assertThat(text.substring(d.start(), d.end())).isEqualTo(d.text()));
        return a;
    }

    private static EnrichedArticle enrich(String text, String language, String publishedAt) {
        return enrich(SharedEnricher.get(), text, language, publishedAt);
    }

    private static String value(EnrichedArticle a, String text) {
        return a.dates().stream().filter(d -> d.text().contains(text)).map(DateMention::value).findFirst()
                .orElseThrow(() -> new AssertionError("no date " + text + " in " + a.dates()));
    }

    @Test
    void spanishRelativeAndWrittenOutDatesResolveAgainstPublication() {
        // 17 April 2019 is a Wednesday: "last Friday" is the 12th
        EnrichedArticle a = enrich("El ministro dijo el viernes pasado que el acuerdo se firmó el 3 de marzo de 2018 en Madrid.",
                "es", "2019-04-17");
        assertThat(value(a, "viernes pasado")).isEqualTo("2019-04-12");
        assertThat(value(a, "3 de marzo de 2018")).isEqualTo("2018-03-03");
        assertThat(a.dates()).allMatch(DateMention::resolved);
        assertThat(a.language()).isEqualTo("es");
        // Spanish NER runs beside HeidelTime (EnricherNerLanguagesTest)
        assertThat(a.entities()).extracting(e -> e.key()).containsExactly("location:madrid");
        assertThat(a.enrichment().extractors()).containsExactly("ner:es-conll2002", "dates:heideltime-es");
    }

    @Test
    void germanIsDetectedAndNextSundayResolves() {
        // no language given: Lingua says German; 10 April 2019 is a Wednesday
        EnrichedArticle a = enrich("Die Regierung kündigte an, dass die Wahl nächsten Sonntag stattfindet. "
                + "Die Opposition kritisierte den Termin scharf und verlangte eine Verschiebung.", null, "2019-04-10");
        assertThat(a.language()).isEqualTo("de");
        assertThat(value(a, "nächsten Sonntag")).isEqualTo("2019-04-14");
        assertThat(a.enrichment().extractors()).containsExactly("ner:de-corenlp-distsim", "dates:heideltime-de");
    }

    @Test
    void frenchYesterdayAndAnExplicitDate() {
        EnrichedArticle a = enrich("Le président a annoncé hier que les élections auront lieu le 12 avril 2019.", "fr", "2019-03-20");
        assertThat(a.dates()).extracting(DateMention::text, DateMention::type, DateMention::value, DateMention::resolved)
                .contains(tuple("hier", "DATE", "2019-03-19", true));
        assertThat(value(a, "12 avril 2019")).isEqualTo("2019-04-12");
        assertThat(a.enrichment().extractors()).containsExactly("ner:fr-corenlp-wikiner", "dates:heideltime-fr");
    }

    @Test
    void withoutPublicationAnExplicitDateIsInferredAndAnchorsTheRelativeOnes() {
        EnrichedArticle a = enrich("Madrid, 12 de abril de 2019.\nEl ministro dijo ayer que el acuerdo está cerca.", "es", null);
        assertThat(a.publishedAt().basis()).isEqualTo(EnrichedArticle.Basis.inferred);
        assertThat(a.publishedAt().value()).isEqualTo("2019-04-12");
        assertThat(value(a, "ayer")).isEqualTo("2019-04-11");
    }

    @Test
    void englishSaysItsExtractors() {
        EnrichedArticle a = enrich("Angela Merkel met Emmanuel Macron in Berlin on Tuesday.", "en", "2019-05-30");
        assertThat(a.enrichment().extractors()).containsExactly("ner:en-conll4", "dates:sutime-en");
        assertThat(value(a, "Tuesday")).isEqualTo("2019-05-28");
        assertThat(a.entities()).isNotEmpty();
    }

    @Test
    void aLanguageWithoutTaggersKeepsItsTextOnly() {
        String text = "Prezydent powiedział wczoraj, że wybory odbędą się 12 kwietnia 2019 roku w Warszawie.";
        EnrichedArticle a = enrich(text, "pl", "2019-03-20");
        assertThat(a.text()).isEqualTo(text);
        assertThat(a.dates()).isEmpty();
        assertThat(a.entities()).isEmpty();
        assertThat(a.enrichment().extractors()).isEmpty();
        assertThat(a.enrichment().complete()).isNull();
    }

    /** The budget's clock: the start, then time is up at the first check. */
    private static Enricher outOfTimeAtTheFirstCheck() {
        AtomicInteger reads = new AtomicInteger();
        LongSupplier clock = () -> reads.getAndIncrement() < 1 ? 0 : Long.MAX_VALUE / 2;
        return SharedEnricher.get().withLimits(new Enricher.Limits(Duration.ofSeconds(20), 200_000, 5_000)).withBudgetClock(clock);
    }

    @Test
    void heidelTimeStopsAtTheTimeBudget() {
        // Portuguese: HeidelTime dates, no NER
        String text = "O ministro disse na sexta-feira passada que o acordo foi assinado em 3 de março de 2018.";
        EnrichedArticle a = enrich(outOfTimeAtTheFirstCheck(), text, "pt", "2019-04-17");
        assertThat(a.dates()).isEmpty();
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason())
                .isEqualTo("time budget 20s exceeded after 0 text pieces: analysed the first 0 of " + text.length() + " characters");
    }

    @Test
    void theNerOfAnotherLanguageStopsAtTheTimeBudgetAndTheDatesWithIt() {
        // Spanish: the names are tagged first, sentence by sentence; the dates see the part the names finished
        String text = "El ministro dijo el viernes pasado que el acuerdo se firmó el 3 de marzo de 2018 en Madrid.";
        EnrichedArticle a = enrich(outOfTimeAtTheFirstCheck(), text, "es", "2019-04-17");
        assertThat(a.entities()).isEmpty();
        assertThat(a.dates()).isEmpty();
        assertThat(a.enrichment().complete()).isFalse();
        assertThat(a.enrichment().incompleteReason())
                .isEqualTo("time budget 20s exceeded after 0 sentences: analysed the first 0 of " + text.length() + " characters");
    }
}
