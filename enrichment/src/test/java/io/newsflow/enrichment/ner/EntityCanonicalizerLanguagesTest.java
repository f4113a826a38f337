package io.newsflow.enrichment.ner;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Entities of articles in other languages: the same key as in English, the article's own spelling kept. */
class EntityCanonicalizerLanguagesTest {

    private static List<Entity> canonicalize(String language, String text, EntityType type, String... spans) {
        List<RawMention> mentions = new java.util.ArrayList<>();
        int from = 0;
        for (String span : spans) {
            int start = text.indexOf(span, from);
            assertThat(start).as("span %s", span).isNotNegative();
            mentions.add(new RawMention(type, span, start, start + span.length()));
            from = start + span.length();
        }
        return EntityCanonicalizer.canonicalize(mentions, language);
    }

    @Test
    void russlandAndRussiaInTwoArticlesAreOneEntity() {
        List<Entity> german = canonicalize("de", "Russland hat am Montag erklärt, Russland werde nicht verhandeln.",
                EntityType.LOCATION, "Russland", "Russland");
        List<Entity> english = canonicalize("en", "Russia said on Monday it would not negotiate.", EntityType.LOCATION, "Russia");
        assertThat(german).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(english.get(0).key()).isEqualTo("location:russia");
            assertThat(e.name()).isEqualTo("Russland");
            assertThat(e.mentions()).extracting(Entity.Mention::text).containsExactly("Russland", "Russland");
        });
    }

    @Test
    void inEnglishTextALatinNameOfACountryInAnotherLanguageStaysItself() {
        assertThat(canonicalize("en", "He studied at Columbia.", EntityType.LOCATION, "Columbia"))
                .extracting(Entity::key).containsExactly("location:columbia");
        assertThat(canonicalize("ro", "A plecat în Columbia.", EntityType.LOCATION, "Columbia"))
                .extracting(Entity::key).containsExactly("location:colombia");
    }

    @Test
    void anOrganizationNamedAfterACountryStaysApartFromIt() {
        String text = "Die Deutsche Bank verlässt Deutschland nicht.";
        List<Entity> entities = EntityCanonicalizer.canonicalize(List.of(
                new RawMention(EntityType.ORGANIZATION, "Deutsche Bank", 4, 17),
                new RawMention(EntityType.LOCATION, "Deutschland", 27, 38)));
        assertThat(text.substring(4, 17)).isEqualTo("Deutsche Bank");
        assertThat(entities).extracting(Entity::key).containsExactly("organization:deutsche-bank", "location:germany");
    }

    @Test
    void aCyrillicSurnameJoinsTheLatinFullNameOfTheSameArticle() {
        List<Entity> entities = canonicalize(null, "Vladimir Putin (Владимир Путин) spoke. Путин said no.",
                EntityType.PERSON, "Vladimir Putin", "Владимир Путин", "Путин");
        assertThat(entities).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("person:vladimir-putin");
            assertThat(e.mentions()).extracting(Entity.Mention::text).containsExactly("Vladimir Putin", "Владимир Путин", "Путин");
        });
    }
}
