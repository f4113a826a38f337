package io.newsflow.enrichment.dates;

import io.newsflow.events.DateMention;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class HeidelTimeTaggerTest {

    private static final HeidelTimeTagger TAGGER = new HeidelTimeTagger();

    @Test
    void everyLanguageOfTheProfileTableFindsAWrittenOutDate() {
        // "on 12 April 2019" as a newspaper of each language writes it
        Map<String, String> sentences = Map.ofEntries(
                Map.entry("german", "Die Wahl fand am 12. April 2019 statt."),
                Map.entry("spanish", "La elección se celebró el 12 de abril de 2019."),
                Map.entry("french", "L'élection a eu lieu le 12 avril 2019."),
                Map.entry("italian", "Le elezioni si sono svolte il 12 aprile 2019."),
                Map.entry("dutch", "De verkiezing vond plaats op 12 april 2019."),
                Map.entry("portuguese", "A eleição realizou-se em 12 de abril de 2019."),
                Map.entry("russian", "Выборы прошли 12 апреля 2019 года."),
                // HeidelTime's Arabic rules know "ابريل" and "نيسان", not "أبريل" with hamza (most newspapers' spelling)
                Map.entry("arabic", "جرت الانتخابات في 12 نيسان 2019."),
                Map.entry("vietnamese", "Cuộc bầu cử diễn ra vào ngày 12 tháng 4 năm 2019."),
                Map.entry("estonian", "Valimised toimusid 12. aprillil 2019."),
                Map.entry("croatian", "Izbori su održani 12. travnja 2019."));
        sentences.forEach((language, sentence) -> assertThat(TAGGER.tag(language, sentence, 0, LocalDate.of(2019, 5, 1)))
                .as(language).extracting(DateMention::value).contains("2019-04-12"));
    }

    @Test
    void offsetsIndexTheArticleAndRelativeDatesFollowTheAnchor() {
        String text = "Ayer el ministro habló.";
        List<DateMention> found = TAGGER.tag("spanish", text, 100, LocalDate.of(2019, 4, 17));
        assertThat(found).extracting(DateMention::text, DateMention::start, DateMention::end, DateMention::type, DateMention::value,
                DateMention::resolved).containsExactly(tuple("Ayer", 100, 104, "DATE", "2019-04-16", true));
    }

    @Test
    void withoutAnAnchorRelativeDatesStayUnresolved() {
        assertThat(TAGGER.tag("spanish", "El ministro habló el viernes.", 0, null))
                .isNotEmpty().allMatch(d -> !d.resolved());
    }

    @Test
    void overlapsKeepTheLongerExpression() {
        List<DateMention> found = List.of(new DateMention("abril", 5, 10, "DATE", "XXXX-04", false),
                new DateMention("12 de abril de 2019", 0, 19, "DATE", "2019-04-12", true),
                new DateMention("hoy", 25, 28, "DATE", "PRESENT_REF", false));
        assertThat(HeidelTimeTagger.withoutOverlaps(found)).extracting(DateMention::text).containsExactly("12 de abril de 2019", "hoy");
    }

    @Test
    void anAbbreviatedMonthKeepsItsYearAndAMonthWithYearItsDay() {
        // HeidelTime ends a sentence at "Apr." and reads "abr 2019" without the day before it
        assertThat(TAGGER.tag("german", "Berlin, 12. Apr. 2019", 0, null)).extracting(DateMention::text, DateMention::value, DateMention::resolved)
                .containsExactly(tuple("12. Apr. 2019", "2019-04-12", true));
        assertThat(TAGGER.tag("french", "Paris, 12 avr. 2019", 100, LocalDate.of(2020, 1, 1)))
                .extracting(DateMention::text, DateMention::start, DateMention::value).containsExactly(tuple("12 avr. 2019", 107, "2019-04-12"));
        assertThat(TAGGER.tag("spanish", "Madrid 12 ABR 2019 - 10:32 CEST", 0, null)).extracting(DateMention::text, DateMention::value)
                .contains(tuple("12 ABR 2019", "2019-04-12"));
    }

    @Test
    void aNumberAfterADateIsNoYearOfItWithoutTheAbbreviation() {
        String text = "Am 12. April, 2000 Menschen demonstrierten in Berlin.";
        assertThat(TAGGER.tag("german", text, 0, LocalDate.of(2019, 4, 20))).extracting(DateMention::value).doesNotContain("2000-04-12");
    }
}
