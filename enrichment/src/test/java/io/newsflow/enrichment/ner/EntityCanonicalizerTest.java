package io.newsflow.enrichment.ner;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityCanonicalizerTest {

    /** Builds tagger output over a text: each span is found after the previous one. */
    private static final class Spans {
        final String text;
        final List<RawMention> mentions = new ArrayList<>();
        int from;

        Spans(String text) {
            this.text = text;
        }

        Spans add(EntityType type, String span) {
            int start = text.indexOf(span, from);
            assertThat(start).as("span %s", span).isNotNegative();
            mentions.add(new RawMention(type, span, start, start + span.length()));
            from = start + span.length();
            return this;
        }
    }

    private static Entity entity(List<Entity> entities, String key) {
        return entities.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + entities.stream().map(Entity::key).toList()));
    }

    @Test
    void surnamesJoinTheFullNameAndTitlesAreStripped() {
        Spans s = new Spans("Haftar arrived. Marshal Khalifa Haftar met Lavrov. Later Haftar left. Sergey Lavrov stayed.")
                .add(EntityType.PERSON, "Haftar")
                .add(EntityType.PERSON, "Marshal Khalifa Haftar")
                .add(EntityType.PERSON, "Lavrov")
                .add(EntityType.PERSON, "Haftar")
                .add(EntityType.PERSON, "Sergey Lavrov");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);

        assertThat(entities).extracting(Entity::key).containsExactly("person:khalifa-haftar", "person:sergei-lavrov");
        Entity haftar = entity(entities, "person:khalifa-haftar");
        assertThat(haftar.name()).isEqualTo("Khalifa Haftar");
        assertThat(haftar.type()).isEqualTo(EntityType.PERSON);
        assertThat(haftar.mentions()).extracting(Entity.Mention::text)
                .containsExactly("Haftar", "Marshal Khalifa Haftar", "Haftar");
        assertThat(haftar.mentions()).allSatisfy(m -> assertThat(s.text.substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(entity(entities, "person:sergei-lavrov").name()).isEqualTo("Sergey Lavrov");
    }

    @Test
    void acronymsJoinTheirFullName() {
        Spans s = new Spans("The GNA said the Government of National Accord (GNA) and the House of Representatives (HoR) talked.")
                .add(EntityType.ORGANIZATION, "GNA")
                .add(EntityType.ORGANIZATION, "Government of National Accord")
                .add(EntityType.LOCATION, "GNA")
                .add(EntityType.ORGANIZATION, "House of Representatives")
                .add(EntityType.ORGANIZATION, "HoR");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);

        assertThat(entities).extracting(Entity::key)
                .containsExactly("organization:government-of-national-accord", "organization:house-of-representatives");
        assertThat(entities.get(0).name()).isEqualTo("Government of National Accord");
        assertThat(entities.get(0).mentions()).extracting(Entity.Mention::text).containsExactly("GNA", "Government of National Accord", "GNA");
        assertThat(entities.get(1).mentions()).hasSize(2);
    }

    @Test
    void spellingVariantsAndCaseVariantsAreOneEntity() {
        Spans s = new Spans("MOSCOW - Sergei Shoigu met in Moscow; Sergei Shoygu left Moscow.")
                .add(EntityType.LOCATION, "MOSCOW")
                .add(EntityType.PERSON, "Sergei Shoigu")
                .add(EntityType.LOCATION, "Moscow")
                .add(EntityType.PERSON, "Sergei Shoygu")
                .add(EntityType.LOCATION, "Moscow");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);

        assertThat(entities).extracting(Entity::key).containsExactly("location:moscow", "person:sergei-shoigu");
        assertThat(entities.get(0).name()).isEqualTo("Moscow");
        assertThat(entities.get(0).mentions()).hasSize(3);
        assertThat(entities.get(1).mentions()).hasSize(2);
    }

    @Test
    void differentPeopleWithTheSameFirstNameStayApart() {
        Spans s = new Spans("Sergei Lavrov and Sergei Shoigu met. Sergei spoke.")
                .add(EntityType.PERSON, "Sergei Lavrov")
                .add(EntityType.PERSON, "Sergei Shoigu")
                .add(EntityType.PERSON, "Sergei");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);
        assertThat(entities).extracting(Entity::key)
                .containsExactly("person:sergei-lavrov", "person:sergei-shoigu", "person:sergei");
    }

    @Test
    void taggerConfusionsAreRepaired() {
        Spans s = new Spans("Commander of the Libyan National Army Marshal Khalifa Haftar held talks. Haftar said. "
                + "Haftar added. Support for Haftar grew. Will Haftar's efforts end? The UN-brokered Government of National Accord objected.")
                .add(EntityType.ORGANIZATION, "Libyan National Army Marshal Khalifa Haftar")
                .add(EntityType.PERSON, "Haftar")
                .add(EntityType.PERSON, "Haftar")
                .add(EntityType.LOCATION, "Haftar")
                .add(EntityType.PERSON, "Will Haftar")
                .add(EntityType.MISC, "UN-brokered Government of National Accord");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);

        assertThat(entities).extracting(Entity::key).containsExactly("organization:libyan-national-army",
                "person:khalifa-haftar", "misc:government-of-national-accord");
        Entity haftar = entities.get(1);
        assertThat(haftar.name()).isEqualTo("Khalifa Haftar");
        assertThat(haftar.mentions()).extracting(Entity.Mention::text)
                .containsExactly("Khalifa Haftar", "Haftar", "Haftar", "Haftar", "Haftar");
        assertThat(entities.get(0).mentions()).extracting(Entity.Mention::text).containsExactly("Libyan National Army");
        assertThat(entities.get(2).name()).isEqualTo("Government of National Accord");
        for (Entity e : entities) {
            assertThat(e.mentions()).allSatisfy(m -> assertThat(s.text.substring(m.start(), m.end())).isEqualTo(m.text()));
        }
    }

    @Test
    void anOrganizationOfAKnownPersonIsSplit() {
        Spans s = new Spans("Units of the Government of National Accord of Fayez al-Sarraj fought. Fayez al-Sarraj left.")
                .add(EntityType.ORGANIZATION, "Government of National Accord of Fayez al-Sarraj")
                .add(EntityType.PERSON, "Fayez al-Sarraj");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);
        assertThat(entities).extracting(Entity::key)
                .containsExactly("organization:government-of-national-accord", "person:fayez-sarraj");
        assertThat(entities.get(1).name()).isEqualTo("Fayez al-Sarraj");
        assertThat(entities.get(1).mentions()).hasSize(2)
                .allSatisfy(m -> assertThat(s.text.substring(m.start(), m.end())).isEqualTo("Fayez al-Sarraj"));
    }

    @Test
    void aWillAloneIsAName() {
        Spans s = new Spans("Will Smith arrived. Smith spoke.")
                .add(EntityType.PERSON, "Will Smith")
                .add(EntityType.PERSON, "Smith");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);
        assertThat(entities).extracting(Entity::key, Entity::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("person:will-smith", "Will Smith"));
    }

    @Test
    void titlesAndJunkAroundNames() {
        assertThat(PersonNames.stripTitles("Defense Minister Sergei Shoigu")).isEqualTo("Sergei Shoigu");
        assertThat(PersonNames.stripTitles("President Vladimir Putin")).isEqualTo("Vladimir Putin");
        assertThat(PersonNames.stripTitles("Mr. Lavrov")).isEqualTo("Lavrov");
        assertThat(PersonNames.stripTitles("Major")).isEqualTo("Major");
        assertThat(PersonNames.tidy("“Haftar’s")).isEqualTo("Haftar");
        assertThat(EntityCanonicalizer.canonicalize(List.of(new RawMention(EntityType.PERSON, "-", 0, 1)))).isEmpty();
    }

    @Test
    void anAcronymAndItsExpansionWithOrWithoutTheAreOneEntity() {
        Spans s = new Spans("The Norland Press (NP) reported. the Norland Press said NP and Norland Press agree.")
                .add(EntityType.ORGANIZATION, "The Norland Press")
                .add(EntityType.ORGANIZATION, "NP")
                .add(EntityType.ORGANIZATION, "the Norland Press")
                .add(EntityType.ORGANIZATION, "NP")
                .add(EntityType.ORGANIZATION, "Norland Press");
        List<Entity> entities = EntityCanonicalizer.canonicalize(s.mentions);

        assertThat(entities).extracting(Entity::key).containsExactly("organization:norland-press");
        assertThat(entities.get(0).mentions()).hasSize(5);
    }
}
