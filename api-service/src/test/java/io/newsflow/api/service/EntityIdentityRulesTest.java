package io.newsflow.api.service;

import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The word rules of EntityIdentities on invented keys. */
class EntityIdentityRulesTest {

    @Test
    void aSurnameAloneIsAPersonsKeyOfOneWord() {
        assertThat(EntityIdentities.surnameAlone(EntityType.PERSON, "person:qorvat")).isEqualTo("qorvat");
        assertThat(EntityIdentities.surnameAlone(EntityType.PERSON, "person:ivan-qorvat")).isNull();
        assertThat(EntityIdentities.surnameAlone(EntityType.LOCATION, "location:qorvat")).isNull();
        assertThat(EntityIdentities.surnameAlone(EntityType.PERSON, "person:")).isNull();
        assertThat(EntityIdentities.surnameAlone(EntityType.PERSON, "qorvat")).isNull();
    }

    @Test
    void aPersonOfSeveralWordsIsBorneBySurnameKeyOfItsLastWord() {
        assertThat(EntityIdentities.surnameKeyOf("person:ivan-qorvat")).isEqualTo("person:qorvat");
        assertThat(EntityIdentities.surnameKeyOf("person:fayez-qal-qorvat")).isEqualTo("person:qorvat");
        assertThat(EntityIdentities.surnameKeyOf("person:qorvat")).isNull();
        assertThat(EntityIdentities.surnameKeyOf("person:ivan-")).isNull();
    }

    @Test
    void theTypeIsTheOneMostArticlesGiveATieKeepsTheCurrentOne() {
        Map<String, Long> votes = new LinkedHashMap<>();
        votes.put("MISC", 1L);
        votes.put("PERSON", 2L);
        assertThat(EntityIdentities.mostGiven(votes, "MISC")).isEqualTo("PERSON");
        votes.put("MISC", 2L);
        assertThat(EntityIdentities.mostGiven(votes, "MISC")).isEqualTo("MISC");
        assertThat(EntityIdentities.mostGiven(votes, "PERSON")).isEqualTo("PERSON");
        // a tie the current type is not in: the first alphabetically, so every instance picks the same
        assertThat(EntityIdentities.mostGiven(votes, "LOCATION")).isEqualTo("MISC");
        assertThat(EntityIdentities.mostGiven(Map.of(), "LOCATION")).isEqualTo("LOCATION");
    }
}
