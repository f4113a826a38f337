package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A time expression found in the text.
 *
 * @param type     TIMEX3 type: DATE, TIME, DURATION or SET
 * @param value    TIMEX3 value, e.g. {@code 2019-05-29}, {@code 2016-W48}, {@code P1W}, {@code XXXX-09-22}
 * @param resolved false when a relative expression could not be anchored to a known date
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DateMention(String text, int start, int end, String type, String value, boolean resolved) {
}
