package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentsTest {

    @Test
    void oneSegmentPerNonBlankLineWithOffsets() {
        String text = "First line.\n\n  \nSecond line.\nThird";
        List<Segments.Segment> segments = Segments.of(text);
        assertThat(segments).extracting(Segments.Segment::text).containsExactly("First line.", "Second line.", "Third");
        segments.forEach(s -> assertThat(text.substring(s.offset(), s.offset() + s.text().length())).isEqualTo(s.text()));
    }

    @Test
    void longLinesAreCutAtSentenceEnds() {
        String sentence = "Haftar met the minister in Moscow. ";
        String text = sentence.repeat(20);
        List<Segments.Segment> segments = Segments.of(text, 100);
        assertThat(segments).hasSizeGreaterThan(5);
        segments.forEach(s -> {
            assertThat(s.text().length()).isLessThanOrEqualTo(100);
            assertThat(text.substring(s.offset(), s.offset() + s.text().length())).isEqualTo(s.text());
            assertThat(s.text().strip()).endsWith(".");
        });
        assertThat(String.join("", segments.stream().map(Segments.Segment::text).toList())).isEqualTo(text);
    }

    @Test
    void aLineWithoutSpacesIsCutAtTheLimitButNeverInsideASurrogatePair() {
        String text = "a".repeat(99) + "😀" + "b".repeat(50);
        List<Segments.Segment> segments = Segments.of(text, 100);
        assertThat(String.join("", segments.stream().map(Segments.Segment::text).toList())).isEqualTo(text);
        assertThat(segments.get(0).text()).hasSize(99);
    }
}
