package io.newsflow.enrichment;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Time expressions through the real enricher (SUTime), with and without a publication date. */
class EnricherDatesTest {

    private static List<DateMention> dates(String text, String publishedAt) {
        RawArticle raw = new RawArticle(1, "t", null, null, null, "Title", text, null, "en", publishedAt,
                publishedAt == null ? null : "given", null);
        EnrichedArticle a = SharedEnricher.get().enrich(raw, false);
        a.dates().forEach(d -> assertThat(text.substring(d.start(), d.end())).isEqualTo(d.text()));
        return a.dates();
    }

    @Test
    void absoluteDates() {
        assertThat(dates("Putin and Erdogan spoke on May 29, 2019. The meeting was on 22 September 2016. "
                + "In May 2014, he launched an operation.", "2019-05-30"))
                .extracting(DateMention::text, DateMention::type, DateMention::value, DateMention::resolved)
                .containsExactly(
                        tuple("May 29, 2019", "DATE", "2019-05-29", true),
                        tuple("22 September 2016", "DATE", "2016-09-22", true),
                        tuple("May 2014", "DATE", "2014-05", true));
    }

    @Test
    void relativeDatesResolveAgainstPublication() {
        assertThat(dates("Haftar met Lavrov on Tuesday.", "2019-05-30"))
                .extracting(DateMention::value).containsExactly("2019-05-28");
        assertThat(dates("In late November, Haftar held talks with Shoigu.", "2019-04-12"))
                .extracting(DateMention::value, DateMention::resolved).containsExactly(tuple("2018-11", true));
        assertThat(dates("He had visited in September and asked for support.", "2019-05-30"))
                .extracting(DateMention::value).containsExactly("2018-09");
        // a date-time publication anchors on its own calendar day
        assertThat(dates("Haftar met Lavrov on Tuesday.", "2019-05-30T23:30:00-05:00"))
                .extracting(DateMention::value).containsExactly("2019-05-28");
    }

    @Test
    void withoutPublicationRelativeDatesAreUnresolved() {
        assertThat(dates("Haftar met Lavrov on Tuesday. In late November he went to Moscow.", null))
                .extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("Tuesday", "XXXX-WXX-2", false), tuple("late November", "XXXX-11", false));
    }

    @Test
    void anInferredPublicationResolvesLikeTheSameDateGiven() {
        // only the windows whose expressions need an anchor are tagged again once it is inferred: the result must
        // be what tagging everything against that date gives (relative, composite, decade, absolute, PAST_REF)
        String text = "The index closed at its lowest level in six years on Thursday. Haftar met Lavrov on Tuesday "
                + "and the talks ended on May 29, 2019. Disco ruled the 20s. Prices fell recently, in late November.";

        List<DateMention> inferred = dates(text, null);

        assertThat(inferred).isEqualTo(dates(text, "2019-05-29"));
        assertThat(inferred).extracting(DateMention::text).contains("six years", "Thursday", "Tuesday", "May 29, 2019",
                "20s", "recently", "late November");
    }

    @Test
    void monthNamesAreToldFromTheModalAndFromNames() {
        assertThat(dates("He arrived in May and left since March.", "2019-05-30"))
                .extracting(DateMention::text, DateMention::value)
                .containsExactly(tuple("May", "2019-05"), tuple("March", "2019-03"));
        assertThat(dates("Russia may send arms. Theresa May said nothing about it.", "2019-05-30")).isEmpty();
    }

    @Test
    void referencesToNowAndThePastAreKeptUnresolved() {
        assertThat(dates("Prices are currently falling, as they did recently.", "2019-05-30"))
                .extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("currently", "PRESENT_REF", false), tuple("recently", "PAST_REF", false));
    }

    @Test
    void decadesInTimeMlForm() {
        assertThat(dates("Disco ruled the 70s, and the 1980s brought synth pop.", "2019-05-30"))
                .extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("70s", "197", true), tuple("the 1980s", "198", true));
    }

    @Test
    void compositesSutimeCannotResolveAreSplit() {
        assertThat(dates("The index closed at its lowest level in six years on Thursday.", "2009-02-20"))
                .extracting(DateMention::text, DateMention::value)
                .containsExactly(tuple("six years", "P6Y"), tuple("Thursday", "2009-02-19"));
    }

    @Test
    void clockTimesInUtc() {
        assertThat(dates("Trading resumed at 12:00 UTC and the plane landed at 0800 GMT.", "2009-06-01"))
                .extracting(DateMention::text, DateMention::type, DateMention::value)
                .containsExactly(tuple("12:00 UTC", "TIME", "2009-06-01T12:00Z"), tuple("0800 GMT", "TIME", "2009-06-01T08:00Z"));
    }
}
