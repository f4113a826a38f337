package io.newsflow.enrichment.dates;

import edu.stanford.nlp.util.CoreMap;
import io.newsflow.enrichment.Sentences;
import io.newsflow.events.DateMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Dates found without an anchor and resolved once one is known (an inferred publication date): SUTime's rules are
 * not matched again, and what comes out is what tagging against the anchor from the start gives.
 */
class DateTaggerResolveTest {

    private static final DateTagger TAGGER = new DateTagger();
    private static final Sentences SENTENCES = new Sentences();
    private static final LocalDate ANCHOR = LocalDate.of(2019, 4, 12);

    private static CoreMap sentence(String text) {
        List<CoreMap> split = SENTENCES.split(text);
        assertThat(split).hasSize(1);
        return split.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The minister said on Tuesday that the talks begun last week would end next month.",
            "Shares fell six years on Thursday after the crash, and again yesterday at 10 a.m. GMT.",
            "Since March the company, founded in the 70s, has hired 40 people every week.",
            "The deal was signed two days ago, on May 29, 2019, in the previous quarter.",
            "He will be back in September, the spokesman said this morning.",
            "Prices rose recently and now stand where they were a decade ago."})
    void resolvingTheUnanchoredExpressionsGivesWhatTaggingAgainstTheAnchorGives(String text) {
        CoreMap sentence = sentence(text);
        DateTagger.SentenceDates unanchored = TAGGER.tag(sentence, text, 7, null);
        List<DateMention> anchored = TAGGER.tag(sentence(text), text, 7, ANCHOR).dates();

        assertThat(unanchored.needsAnchor()).isTrue();
        assertThat(TAGGER.resolve(ANCHOR, unanchored)).isEqualTo(anchored);
    }

    @Test
    void relativeDatesGetTheirValueFromTheAnchorAndExplicitOnesStay() {
        String text = "The council met yesterday, on May 29, 2019.";
        DateTagger.SentenceDates unanchored = TAGGER.tag(sentence(text), text, 0, null);
        assertThat(unanchored.dates()).extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("yesterday", "XXXX-XX-XX", false),
                        tuple("May 29, 2019", "2019-05-29", true));

        List<DateMention> resolved = TAGGER.resolve(ANCHOR, unanchored);

        assertThat(resolved).extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("yesterday", "2019-04-11", true),
                        tuple("May 29, 2019", "2019-05-29", true));
        // resolving twice (another anchor) starts again from SUTime's unresolved expressions
        assertThat(TAGGER.resolve(LocalDate.of(2020, 1, 2), unanchored)).extracting(DateMention::value)
                .containsExactly("2020-01-01", "2019-05-29");
    }

    @Test
    void aSentenceWhoseDatesAreAllExplicitNeedsNoAnchor() {
        String text = "The treaty was signed on 22 September 2016 in Brussels.";
        DateTagger.SentenceDates unanchored = TAGGER.tag(sentence(text), text, 0, null);

        assertThat(unanchored.needsAnchor()).isFalse();
        assertThat(unanchored.dates()).extracting(DateMention::value).containsExactly("2016-09-22");
    }
}
