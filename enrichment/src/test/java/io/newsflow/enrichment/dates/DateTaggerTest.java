package io.newsflow.enrichment.dates;

import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.enrichment.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where SUTime is run (no model is loaded here). */
class DateTaggerTest {

    @Test
    void timeWordsAndNumbersThatCanBeDatesOrTimesOpenAWindow() {
        for (String word : List.of("Monday", "May", "yesterday", "years", "500-year", "currently", "5", "29", "21st", "2019",
                "1990s", "'90s", "0800", "10:30", "2019-05-29", "5/29/2019", "5pm", "Q3")) {
            assertThat(DateTagger.isTimeToken(word)).as(word).isTrue();
        }
    }

    @Test
    void otherNumbersAndWordsDoNot() {
        for (String word : List.of("talks", "500", "10,000", "A380", "737", "123456", "Haftar")) {
            assertThat(DateTagger.isTimeToken(word)).as(word).isFalse();
        }
    }

    @Test
    void windowsSpanFourTokensEachSideAndMergeWhenTheyTouch() {
        List<CoreLabel> tokens = TestTokens.of("a b c d e on Monday f g h i j k l m n o p q r in 2019 s");

        assertThat(DateTagger.windows(tokens)).containsExactly(new int[]{2, 11}, new int[]{17, 23});
        assertThat(DateTagger.windows(TestTokens.of("a b c d e f Monday g h i j k Tuesday l"))).containsExactly(new int[]{2, 14});
        assertThat(DateTagger.windows(TestTokens.of("the 500 delegates and 10,000 people"))).isEmpty();
    }

    @Test
    void aWindowOpenedOnlyByLoneSmallNumbersRunsOnlyWithAClockWordOrUnitInIt() {
        assertThat(DateTagger.windows(TestTokens.of("police said 3 people were hurt and 12 were arrested"))).isEmpty();
        assertThat(DateTagger.windows(TestTokens.of("the meeting starts at 5 p.m. in the hall"))).containsExactly(new int[]{0, 9});
        assertThat(DateTagger.windows(TestTokens.of("the flight took 15 hrs and landed safely"))).containsExactly(new int[]{0, 8});
        assertThat(DateTagger.windows(TestTokens.of("they left at 5 o'clock"))).containsExactly(new int[]{0, 5});
    }

    @Test
    void aSmallNumberWindowThatTouchesATimeWordWindowStaysWhole() {
        // "3" alone would be dropped; merged with the window of "Monday" the window is exactly as before
        assertThat(DateTagger.windows(TestTokens.of("a b c d 3 people e f g on Monday h i j k l"))).containsExactly(new int[]{0, 15});
        // a small number far from the time word keeps no window of its own
        assertThat(DateTagger.windows(TestTokens.of("3 people a b c d e f g h i on Monday"))).containsExactly(new int[]{8, 13});
        // a year is not a small number
        assertThat(DateTagger.windows(TestTokens.of("elected in 2019 by 12 votes"))).containsExactly(new int[]{0, 6});
    }
}
