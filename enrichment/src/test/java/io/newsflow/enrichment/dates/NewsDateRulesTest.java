package io.newsflow.enrichment.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NewsDateRulesTest {

    private static final LocalDate FRIDAY_2019_04_12 = LocalDate.of(2019, 4, 12);

    @Test
    void bareWeekdaysAfterPublicationMoveBackAWeek() {
        assertThat(NewsDateRules.adjust("2019-04-14", "late Sunday", "On late Sunday, the government announced it.", FRIDAY_2019_04_12))
                .isEqualTo("2019-04-07");
        assertThat(NewsDateRules.adjust("2019-04-13T17:00", "Saturday", "It happened on Saturday.", FRIDAY_2019_04_12))
                .isEqualTo("2019-04-06T17:00");
        // already in the past, or said of the future: untouched
        assertThat(NewsDateRules.adjust("2019-04-09", "Tuesday", "He met them on Tuesday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-09");
        assertThat(NewsDateRules.adjust("2019-04-14", "Sunday", "They will meet on Sunday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-14");
        assertThat(NewsDateRules.adjust("2019-04-15", "next Monday", "The talks resume next Monday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-15");
    }

    @Test
    void monthsWithoutYearFarAfterPublicationAreLastYears() {
        assertThat(NewsDateRules.adjust("2019-09-22", "September 22", "It began on September 22.", FRIDAY_2019_04_12))
                .isEqualTo("2018-09-22");
        assertThat(NewsDateRules.adjust("2019-11", "late November", "In late November, talks were held.", FRIDAY_2019_04_12))
                .isEqualTo("2018-11");
        // within a couple of months, explicit year, relative expressions, future tense: untouched
        assertThat(NewsDateRules.adjust("2019-05-20", "May 20", "It began on May 20.", FRIDAY_2019_04_12)).isEqualTo("2019-05-20");
        assertThat(NewsDateRules.adjust("2019-09-22", "22 September 2019", "On 22 September 2019.", FRIDAY_2019_04_12)).isEqualTo("2019-09-22");
        assertThat(NewsDateRules.adjust("2019-09", "in five months", "Elections come in five months.", FRIDAY_2019_04_12)).isEqualTo("2019-09");
        assertThat(NewsDateRules.adjust("2019-09", "September", "Elections will be held in September.", FRIDAY_2019_04_12)).isEqualTo("2019-09");
        // no anchor, or a value that is not a calendar date: untouched
        assertThat(NewsDateRules.adjust("XXXX-09", "September", "In September.", null)).isEqualTo("XXXX-09");
        assertThat(NewsDateRules.adjust("2019-SU", "this summer", "This summer.", FRIDAY_2019_04_12)).isEqualTo("2019-SU");
    }

    @Test
    void resolvedMeansNoUnknownCalendarPart() {
        assertThat(NewsDateRules.isResolved("DATE", "2019-05-29")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "2014-05")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "197X")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "18XX")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "2016-W48")).isTrue();
        assertThat(NewsDateRules.isResolved("TIME", "2019-04-11TAF")).isTrue();
        assertThat(NewsDateRules.isResolved("DURATION", "P1W")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "XXXX-09-22")).isFalse();
        assertThat(NewsDateRules.isResolved("DATE", "XXXX-WXX-2")).isFalse();
        assertThat(NewsDateRules.isResolved("TIME", "T17:00")).isFalse();
        assertThat(NewsDateRules.isResolved("DATE", "PAST_REF")).isFalse();
        assertThat(NewsDateRules.isResolved("DATE", null)).isFalse();
    }

    @Test
    void explicitFullDates() {
        assertThat(NewsDateRules.explicitFullDate("May 29, 2019", "2019-05-29")).isEqualTo(LocalDate.of(2019, 5, 29));
        assertThat(NewsDateRules.explicitFullDate("May 29", "2019-05-29")).isNull();
        assertThat(NewsDateRules.explicitFullDate("May 2014", "2014-05")).isNull();
    }

    @Test
    void unanchoredRelativeDatesKeepTheirGranularityWithUnknownFields() {
        assertThat(NewsDateRules.unanchored("DATE", "PREV_IMMEDIATE P1W")).isEqualTo("XXXX-WXX");
        assertThat(NewsDateRules.unanchored("DATE", "THIS P1Y")).isEqualTo("XXXX");
        assertThat(NewsDateRules.unanchored("DATE", "NEXT_IMMEDIATE P1M")).isEqualTo("XXXX-XX");
        assertThat(NewsDateRules.unanchored("DATE", "THIS SU")).isEqualTo("XXXX-SU");
        assertThat(NewsDateRules.unanchored("DATE", null)).isEqualTo("XXXX-XX-XX");
        assertThat(NewsDateRules.unanchored("DURATION", "P1W")).isNull();
        assertThat(NewsDateRules.isResolved("DATE", "XXXX-WXX")).isFalse();
    }
}
