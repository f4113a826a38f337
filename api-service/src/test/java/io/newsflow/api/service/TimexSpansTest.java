package io.newsflow.api.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimexSpansTest {

    @ParameterizedTest
    @CsvSource({
        "2019-05-29, 2019-05-29, 2019-05-29",
        "2019-05-29T14:00, 2019-05-29, 2019-05-29",
        "2019-05, 2019-05-01, 2019-05-31",
        "2016-02, 2016-02-01, 2016-02-29",
        "2019, 2019-01-01, 2019-12-31",
        "2016-W48, 2016-11-28, 2016-12-04",
        "2016-W48-WE, 2016-12-03, 2016-12-04",
        "2016-SU, 2016-06-01, 2016-08-31",
        "2016-WI, 2016-12-01, 2017-02-28",
        "2019-Q2, 2019-04-01, 2019-06-30",
        "2019-H2, 2019-07-01, 2019-12-31",
        "197, 1970-01-01, 1979-12-31",
        "19, 1900-01-01, 1999-12-31"
    })
    void valuesCoverTheirDays(String value, LocalDate from, LocalDate to) {
        assertThat(TimexSpans.of(value)).contains(new TimexSpans.Span(from, to));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1W", "XXXX-09-22", "PRESENT_REF", "2019-02-30", "", "FY2007", "T14:00"})
    void valuesWithoutAFixedSpanHaveNone(String value) {
        assertThat(TimexSpans.of(value)).isEmpty();
    }
}
