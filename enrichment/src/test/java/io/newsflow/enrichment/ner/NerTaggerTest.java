package io.newsflow.enrichment.ner;

import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.enrichment.TestTokens;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.newsflow.events.EntityType.LOCATION;
import static io.newsflow.events.EntityType.MISC;
import static io.newsflow.events.EntityType.ORGANIZATION;
import static io.newsflow.events.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/** The combination of the CRF models (ClassifierCombiner semantics); no model is loaded here. */
class NerTaggerTest {

    private static final Set<EntityType> ALL = EnumSet.allOf(EntityType.class);

    @Test
    void theFirstModelWinsAndLaterModelsFillOnlyUntaggedChunks() {
        // "German chancellor Angela Merkel visited Reading University ."
        EntityType[] combined = {null, null, PERSON, PERSON, null, LOCATION, null, null};
        EntityType[] later = {MISC, null, PERSON, ORGANIZATION, null, ORGANIZATION, ORGANIZATION, null};

        NerTagger.merge(combined, later, ALL);

        // MISC "German" fills an untagged token; "Merkel" ORG is inside the first model's person: dropped;
        // "Reading University" ORG overlaps the first model's LOCATION "Reading": dropped whole, not cut
        assertThat(combined).containsExactly(MISC, null, PERSON, PERSON, null, LOCATION, null, null);
    }

    @Test
    void aChunkIsAddedWholeWhenAllItsTokensAreFree() {
        EntityType[] combined = {PERSON, null, null, null, null};
        EntityType[] later = {PERSON, null, ORGANIZATION, ORGANIZATION, MISC};

        NerTagger.merge(combined, later, ALL);

        assertThat(combined).containsExactly(PERSON, null, ORGANIZATION, ORGANIZATION, MISC);
    }

    @Test
    void inNormalModeALaterModelOnlyAddsItsNewTypes() {
        EntityType[] combined = {null, null, null};
        EntityType[] later = {MISC, null, LOCATION};

        NerTagger.merge(combined, later, EnumSet.of(MISC));

        assertThat(combined).containsExactly(MISC, null, null);
    }

    @Test
    void sentencesWithoutCapitalisedWordsBeyondAClosedClassOpenerHoldNoNames() {
        assertThat(NerTagger.mayHoldNames(TestTokens.of("He said the talks would go on ."), untyped(7))).isFalse();
        assertThat(NerTagger.mayHoldNames(TestTokens.of("\" But they left early , \" she said ."), untyped(10))).isFalse();
        assertThat(NerTagger.mayHoldNames(TestTokens.of("prices rose 5 % in a week"), untyped(7))).isFalse();
    }

    @Test
    void aCapitalisedFirstWordOutsideTheClosedClassMayBeAName() {
        // "Apple" and "Ben" are also common words: only closed-class openers are ruled out
        assertThat(NerTagger.mayHoldNames(TestTokens.of("Apple plans another event"), untyped(4))).isTrue();
        assertThat(NerTagger.mayHoldNames(TestTokens.of("Ben opened up a lead"), untyped(5))).isTrue();
        assertThat(NerTagger.mayHoldNames(TestTokens.of("He met Sarraj in Tripoli"), untyped(5))).isTrue();
        assertThat(NerTagger.mayHoldNames(TestTokens.of("the iPhone sold well"), untyped(4))).isTrue();
    }

    @Test
    void aLaterModelRunsOnlyWhileACapitalisedTokenIsUntyped() {
        List<CoreLabel> sentence = TestTokens.of("He met Sarraj in Tripoli");

        assertThat(NerTagger.mayHoldNames(sentence, new EntityType[]{null, null, PERSON, null, LOCATION})).isFalse();
        assertThat(NerTagger.mayHoldNames(sentence, new EntityType[]{null, null, PERSON, null, null})).isTrue();
    }

    @Test
    void aLaterModelReadsOnlySixTokensEachSideOfTheUntypedNameLikeTokens() {
        // "Sarraj" is typed already, "He" is a closed-class opener; "Olympics" (token 19) is not typed: 13 up to the end (23)
        List<CoreLabel> sentence = TestTokens.of("He met Sarraj in the capital on a visit that was short and quiet before they went to the Olympics in the summer");
        EntityType[] typed = new EntityType[sentence.size()];
        typed[2] = PERSON;

        assertThat(NerTagger.nameRanges(sentence, typed)).containsExactly(new int[]{13, 23});
    }

    @Test
    void nameRangesMergeWhenTheyTouchAndCoverTheSentenceWhenNothingIsTyped() {
        List<CoreLabel> sentence = TestTokens.of("Officials in Paris said French troops left");

        assertThat(NerTagger.nameRanges(sentence, untyped(7))).containsExactly(new int[]{0, 7});
        assertThat(NerTagger.nameRanges(TestTokens.of("prices rose 5 % in a week"), untyped(7))).isEmpty();
    }

    private static EntityType[] untyped(int n) {
        return new EntityType[n];
    }

    @Test
    void labelsOfOtherModelsAreNoEntityTypes() {
        assertThat(NerTagger.typeOf("O")).isNull();
        assertThat(NerTagger.typeOf("DATE")).isNull();
        assertThat(NerTagger.typeOf("MONEY")).isNull();
        assertThat(NerTagger.typeOf("LOCATION")).isEqualTo(LOCATION);
        assertThat(NerTagger.typeOf("I-ORG")).isEqualTo(ORGANIZATION);
    }
}
