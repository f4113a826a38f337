package io.newsflow.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDatesTest {

    @Test
    void normalisesTheIsoForms() {
        assertThat(PublishedDates.normalise("2019-04-12")).contains("2019-04-12");
        assertThat(PublishedDates.normalise("2019-04-12T10:00:00+02:00")).contains("2019-04-12T08:00:00Z");
        assertThat(PublishedDates.normalise("2019-04-12T10:00")).contains("2019-04-12T10:00");
        assertThat(PublishedDates.normalise("12 April 2019")).isEmpty();
        assertThat(PublishedDates.normaliseLenient("2019-04-12 10:00:00+0200")).contains("2019-04-12T08:00:00Z");
    }

    @Test
    void aNormalisedValueBecomesAnInstant() {
        assertThat(PublishedDates.toInstant("2019-04-12")).contains(Instant.parse("2019-04-12T00:00:00Z"));
        assertThat(PublishedDates.toInstant("2019-04-12T10:00")).contains(Instant.parse("2019-04-12T10:00:00Z"));
        assertThat(PublishedDates.toInstant("2019-04-12T08:00:00Z")).contains(Instant.parse("2019-04-12T08:00:00Z"));
    }

    @Test
    void onlyDatesInsideTheRangeAreStorable() {
        assertThat(PublishedDates.isStorable("2019-04-12")).isTrue();
        assertThat(PublishedDates.isStorable("1600-01-01")).isTrue();
        assertThat(PublishedDates.isStorable("9999-12-31T23:59:59Z")).isTrue();
        assertThat(PublishedDates.isStorable("0001-01-01T00:00:00+01:00")).isFalse();
        assertThat(PublishedDates.isStorable("1599-12-31")).isFalse();
        assertThat(PublishedDates.isStorable("+10000-01-01T00:00:00Z")).isFalse();
        assertThat(PublishedDates.isStorable("not a date")).isFalse();
        assertThat(PublishedDates.storableLenient("0001-01-01 00:00:00+0100")).isEmpty();
        assertThat(PublishedDates.storableLenient("2019-04-12 10:00:00+0200")).contains("2019-04-12T08:00:00Z");
    }

    @Test
    void pageDatesOutsideTheStorableRangeAreDropped() {
        assertThat(PublishedDates.keepingLocalDay("0001-01-01T00:00:00+01:00")).isEmpty();
        assertThat(PublishedDates.keepingLocalDay("0001-01-01")).isEmpty();
        assertThat(PublishedDates.keepingLocalDay("1599-12-31")).isEmpty();
        assertThat(PublishedDates.keepingLocalDay("+10000-01-01")).isEmpty();
        assertThat(PublishedDates.keepingLocalDay("1600-01-01")).contains("1600-01-01");
        assertThat(PublishedDates.keepingLocalDay("9999-12-31")).contains("9999-12-31");
    }

    @Test
    void pageDatesKeepTheirLocalDay() {
        assertThat(PublishedDates.keepingLocalDay(" 2019-05-30T08:15:00+03:00 ")).contains("2019-05-30T08:15:00+03:00");
        assertThat(PublishedDates.keepingLocalDay("2019-05-30T08:15:00Z")).contains("2019-05-30T08:15:00Z");
        assertThat(PublishedDates.keepingLocalDay("2019-05-30T08:15:00")).contains("2019-05-30");
        assertThat(PublishedDates.keepingLocalDay("2019-05-30 08:15:00+0300")).contains("2019-05-30");
        assertThat(PublishedDates.keepingLocalDay("2019-05-30T08:15:00.000+0300")).contains("2019-05-30");
        assertThat(PublishedDates.keepingLocalDay("2019-02-30")).isEmpty();
        assertThat(PublishedDates.keepingLocalDay("30 May 2019")).isEmpty();
    }

    @Test
    void theLocalDayIsTheDateInItsOwnOffset() {
        assertThat(PublishedDates.localDate("2019-05-30T01:00:00+03:00")).contains(LocalDate.of(2019, 5, 30));
        assertThat(PublishedDates.localDate("2019-05-30T23:00:00Z")).contains(LocalDate.of(2019, 5, 30));
        assertThat(PublishedDates.localDate("2019-05-30T23:00")).contains(LocalDate.of(2019, 5, 30));
        assertThat(PublishedDates.localDate(" 2019-05-30 ")).contains(LocalDate.of(2019, 5, 30));
        assertThat(PublishedDates.localDate("yesterday")).isEmpty();
        assertThat(PublishedDates.localDate(null)).isEmpty();
    }
}
