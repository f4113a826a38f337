package io.newsflow.enrichment;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** NER in the languages of the default set (en, de, es, fr, nl), each with its own CRF and tokenizer. */
class EnricherNerLanguagesTest {

    private static EnrichedArticle enrich(String text, String language) {
        RawArticle raw = new RawArticle(1, "t", null, null, null, null, text, null, language, "2019-04-17", "given", null);
        EnrichedArticle a = SharedEnricher.get().enrich(raw, false);
        for (Entity e : a.entities()) {
            e.mentions().forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        }
        return a;
    }

    @Test
    void theDefaultSetLoadsWhatIsOnTheClasspath() {
        assertThat(SharedEnricher.get().nerLanguages()).contains("en", "de", "es", "fr", "it", "nl").doesNotContain("zh");
    }

    @Test
    void dutchWithOurOwnModel() {
        EnrichedArticle a = enrich("Premier Mark Rutte sprak maandag in Brussel met de Franse president Emmanuel Macron "
                + "over de oorlog in Oekraïne. Rusland reageerde nog niet.", "nl");
        assertThat(a.entities()).extracting(Entity::key, Entity::type).contains(
                tuple("person:mark-rutte", EntityType.PERSON),
                tuple("person:emmanuel-macron", EntityType.PERSON),
                tuple("location:russia", EntityType.LOCATION));
        assertThat(a.enrichment().extractors()).containsExactly("ner:nl-conll2002", "dates:heideltime-nl");
    }

    @Test
    void german() {
        EnrichedArticle a = enrich("Bundeskanzlerin Angela Merkel traf am Montag in Berlin den Präsidenten Wladimir Putin. "
                + "Russland und die Europäische Union verhandeln seit Jahren über Gas. Die Siemens AG aus München begrüßte das Treffen.", "de");
        assertThat(a.entities()).extracting(Entity::key, Entity::name, Entity::type).contains(
                tuple("person:angela-merkel", "Angela Merkel", EntityType.PERSON),
                tuple("person:wladimir-putin", "Wladimir Putin", EntityType.PERSON),
                tuple("location:berlin", "Berlin", EntityType.LOCATION),
                tuple("location:russia", "Russland", EntityType.LOCATION),
                tuple("organization:european-union", "Europäische Union", EntityType.ORGANIZATION),
                tuple("organization:siemens-ag", "Siemens AG", EntityType.ORGANIZATION));
        assertThat(a.enrichment().extractors()).containsExactly("ner:de-corenlp-distsim", "dates:heideltime-de");
        // HeidelTime still runs beside the NER
        assertThat(a.dates()).anyMatch(d -> d.text().equals("Montag") && "2019-04-15".equals(d.value()));
    }

    @Test
    void germanHyphenatedCompoundsStayWhole() {
        // "Siemens-Konzern" is one token, as German writes it (and GermEval scores it: a compound is no name); the
        // English-style split into "Siemens", "-", "Konzern" made the model tag "Siemens" alone
        EnrichedArticle a = enrich("Der Siemens-Konzern und die SPD-Fraktion stimmten zu. Baden-Württemberg liegt im Süden.", "de");
        assertThat(a.entities()).extracting(Entity::name).doesNotContain("Siemens", "SPD").contains("Baden-Württemberg");
    }

    @Test
    void spanishCountriesTaggedAsOrganizationsArePlaces() {
        // AnCora tags "Rusia" as an organization here: its key is still the country's
        EnrichedArticle a = enrich("El presidente del Gobierno, Pedro Sánchez, se reunió ayer en Madrid con el canciller Olaf Scholz. "
                + "Rusia y la Unión Europea negocian. El Banco Santander apoyó el acuerdo.", "es");
        assertThat(a.entities()).extracting(Entity::key, Entity::type).contains(
                tuple("person:pedro-sanchez", EntityType.PERSON),
                tuple("person:olaf-scholz", EntityType.PERSON),
                tuple("location:madrid", EntityType.LOCATION),
                tuple("location:russia", EntityType.LOCATION),
                tuple("organization:european-union", EntityType.ORGANIZATION),
                tuple("organization:banco-santander", EntityType.ORGANIZATION));
        assertThat(a.enrichment().extractors()).containsExactly("ner:es-conll2002", "dates:heideltime-es");
    }

    @Test
    void frenchWithItsElisions() {
        EnrichedArticle a = enrich("Le président Emmanuel Macron a rencontré hier à Paris la chancelière Angela Merkel. "
                + "La Russie et l'Union européenne négocient. La société Renault a salué l'accord.", "fr");
        assertThat(a.entities()).extracting(Entity::key, Entity::name, Entity::type).contains(
                tuple("person:emmanuel-macron", "Emmanuel Macron", EntityType.PERSON),
                tuple("location:paris", "Paris", EntityType.LOCATION),
                tuple("location:russia", "Russie", EntityType.LOCATION),
                tuple("organization:european-union", "Union européenne", EntityType.ORGANIZATION),
                tuple("organization:renault", "Renault", EntityType.ORGANIZATION));
        assertThat(a.enrichment().extractors()).containsExactly("ner:fr-corenlp-wikiner", "dates:heideltime-fr");
    }

    @Test
    void oneCountryHasOneKeyInEveryLanguage() {
        String english = enrich("Russia and Ukraine met in Geneva on Monday.", "en").entities().stream()
                .filter(e -> e.name().equals("Russia")).findFirst().orElseThrow().key();
        String german = enrich("Russland und die Ukraine trafen sich am Montag in Genf.", "de").entities().stream()
                .filter(e -> e.name().equals("Russland")).findFirst().orElseThrow().key();
        assertThat(german).isEqualTo(english).isEqualTo("location:russia");
    }

    @Test
    void aLanguageOutsideTheConfiguredSetGetsNoNerAndSaysSo() {
        // Chinese has a model (LanguageProfile, a language pack) but is not in the default set: text only
        EnrichedArticle a = enrich("国家主席习近平昨天在北京会见了法国总统马克龙。", "zh");
        assertThat(a.entities()).isEmpty();
        assertThat(a.enrichment().extractors()).containsExactly("ner:off-zh:not-configured");
    }
}
