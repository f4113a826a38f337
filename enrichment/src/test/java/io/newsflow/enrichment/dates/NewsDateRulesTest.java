package io.newsflow.enrichment.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NewsDateRulesTest {

    private static final LocalDate FRIDAY_2019_04_12 = LocalDate.of(2019, 4, 12);

    /** adjust() with the text before the expression taken from the sentence. */
    private static String adjust(String value, String expression, String sentence, LocalDate anchor) {
        int at = sentence.indexOf(expression);
        return NewsDateRules.adjust(value, expression, at < 0 ? "" : sentence.substring(0, at), sentence, anchor);
    }

    @Test
    void weekdaysFollowTheTenseOfTheirVerb() {
        // SUTime's Sunday-first weeks put "Friday" of a Saturday article a week ahead
        LocalDate saturday = LocalDate.of(2010, 7, 17);
        assertThat(adjust("2010-07-23", "Friday", "Apple announced Friday that it will give owners a free case.", saturday))
                .isEqualTo("2010-07-16");
        assertThat(adjust("2010-07-23", "Friday", "A spokesman said on Friday the plant will close.", saturday))
                .isEqualTo("2010-07-16");
        LocalDate thursday = LocalDate.of(2008, 9, 18);
        assertThat(adjust("2008-09-19", "Friday", "Markets will remain closed until Friday.", thursday)).isEqualTo("2008-09-19");
        assertThat(adjust("2008-09-19", "Friday", "The exchange stays shut until Friday.", thursday)).isEqualTo("2008-09-19");
        assertThat(adjust("2008-09-18", "Thursday", "Shares fell sharply on Thursday.", thursday)).isEqualTo("2008-09-18");
        // a future word elsewhere in the sentence does not make an earlier weekday the coming one
        LocalDate monday = LocalDate.of(2008, 10, 13);
        assertThat(adjust("2008-10-12", "Sunday", "On Sunday, the ministers agreed on a plan that will guarantee loans.", monday))
                .isEqualTo("2008-10-12");
    }

    @Test
    void lastAndNextMonthsAreTheNearestOnes() {
        LocalDate october = LocalDate.of(2009, 10, 12);
        assertThat(adjust("2008-09", "last September", "A level not seen since last September.", october)).isEqualTo("2009-09");
        assertThat(adjust("2008-11", "last November", "Prices peaked last November.", october)).isEqualTo("2008-11");
        assertThat(adjust("2010-03", "next March", "The plant opens next March.", october)).isEqualTo("2010-03");
        assertThat(adjust("2010-11", "next November", "Elections are due next November.", october)).isEqualTo("2009-11");
    }

    @Test
    void aPastVerbBeforeAMonthOutweighsAFutureWordAfterIt() {
        LocalDate august = LocalDate.of(2006, 8, 19);
        assertThat(adjust("2007-01", "January", "Plans announced in January, under which jobs should be cut.", august))
                .isEqualTo("2006-01");
        assertThat(adjust("2006-10", "October", "The sale should be completed in October.", august)).isEqualTo("2006-10");
    }

    @Test
    void thePreviousPeriodIsTheOneBeforePublication() {
        LocalDate february = LocalDate.of(2009, 2, 3);
        assertThat(adjust("2009", "the previous year", "Sales dropped 42% from the previous year.", february)).isEqualTo("2008");
        assertThat(adjust("2009-Q1", "the last quarter", "Profits rose in the last quarter.", february)).isEqualTo("2008-Q4");
        assertThat(adjust("2009-02", "the previous month", "Up from the previous month.", february)).isEqualTo("2009-01");
        assertThat(adjust("2009-W06", "the previous week", "Down from the previous week.", february)).isEqualTo("2009-W05");
        assertThat(adjust("2012", "last year", "Sales peaked last year.", february)).isEqualTo("2008");
    }

    @Test
    void valuesInTimeMlForm() {
        assertThat(NewsDateRules.normalize("197X")).isEqualTo("197");
        assertThat(NewsDateRules.normalize("18XX")).isEqualTo("18");
        assertThat(NewsDateRules.normalize("2008-09-17T16:08+0000")).isEqualTo("2008-09-17T16:08Z");
        assertThat(NewsDateRules.normalize("2008-09-17T16:08-0500")).isEqualTo("2008-09-17T16:08-0500");
        assertThat(NewsDateRules.normalize("PRESENT_REF")).isEqualTo("PRESENT_REF");
        assertThat(NewsDateRules.isResolved("DATE", "197")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "PRESENT_REF")).isFalse();
        assertThat(NewsDateRules.inUtc("0800", "0800 UTC", LocalDate.of(2008, 9, 18))).isEqualTo("2008-09-18T08:00Z");
        assertThat(NewsDateRules.inUtc("2009-06-01T12:00", "12:00 UTC", LocalDate.of(2009, 6, 1))).isEqualTo("2009-06-01T12:00Z");
    }

    @Test
    void bareWeekdaysAfterPublicationMoveBackAWeek() {
        assertThat(adjust("2019-04-14", "late Sunday", "On late Sunday, the government announced it.", FRIDAY_2019_04_12))
                .isEqualTo("2019-04-07");
        assertThat(adjust("2019-04-13T17:00", "Saturday", "It happened on Saturday.", FRIDAY_2019_04_12))
                .isEqualTo("2019-04-06T17:00");
        // already in the past, or said of the future: untouched
        assertThat(adjust("2019-04-09", "Tuesday", "He met them on Tuesday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-09");
        assertThat(adjust("2019-04-14", "Sunday", "They will meet on Sunday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-14");
        assertThat(adjust("2019-04-15", "next Monday", "The talks resume next Monday.", FRIDAY_2019_04_12)).isEqualTo("2019-04-15");
    }

    @Test
    void monthsWithoutYearFarAfterPublicationAreLastYears() {
        assertThat(adjust("2019-09-22", "September 22", "It began on September 22.", FRIDAY_2019_04_12))
                .isEqualTo("2018-09-22");
        assertThat(adjust("2019-11", "late November", "In late November, talks were held.", FRIDAY_2019_04_12))
                .isEqualTo("2018-11");
        // within a couple of months, explicit year, relative expressions, future tense: untouched
        assertThat(adjust("2019-05-20", "May 20", "It began on May 20.", FRIDAY_2019_04_12)).isEqualTo("2019-05-20");
        assertThat(adjust("2019-09-22", "22 September 2019", "On 22 September 2019.", FRIDAY_2019_04_12)).isEqualTo("2019-09-22");
        assertThat(adjust("2019-09", "in five months", "Elections come in five months.", FRIDAY_2019_04_12)).isEqualTo("2019-09");
        assertThat(adjust("2019-09", "September", "Elections will be held in September.", FRIDAY_2019_04_12)).isEqualTo("2019-09");
        // no anchor, or a value that is not a calendar date: untouched
        assertThat(adjust("XXXX-09", "September", "In September.", null)).isEqualTo("XXXX-09");
        assertThat(adjust("2019-SU", "this summer", "This summer.", FRIDAY_2019_04_12)).isEqualTo("2019-SU");
    }

    @Test
    void resolvedMeansNoUnknownCalendarPart() {
        assertThat(NewsDateRules.isResolved("DATE", "2019-05-29")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "2014-05")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "197")).isTrue();
        assertThat(NewsDateRules.isResolved("DATE", "18")).isTrue();
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
