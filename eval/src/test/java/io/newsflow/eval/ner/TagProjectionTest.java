package io.newsflow.eval.ner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagProjectionTest {

    private static final ConllDocument DOC = ConllReader.parse("""
            -DOCSTART-

            Angela\tB-PER
            Merkel\tI-PER
            visited\tO
            New\tB-LOC
            York\tI-LOC
            .\tO

            Obama\tB-PER
            met\tO
            Putin\tB-PER
            """, "t").get(0);

    @Test
    void textJoinsTokensWithSpacesAndSentencesWithNewlines() {
        assertThat(DOC.text()).isEqualTo("Angela Merkel visited New York .\nObama met Putin");
        assertThat(DOC.tokenSpans()[1][2]).containsExactly(43, 48);
    }

    @Test
    void mentionsBecomeIob2OverTheGoldTokens() {
        String text = DOC.text();
        List<List<String>> tags = TagProjection.toIob2(DOC, List.of(
                new Span(text.indexOf("Angela"), text.indexOf(" visited"), "PER"),
                new Span(text.indexOf("York"), text.indexOf("York") + 2, "LOC"),   // part of a token takes the token
                new Span(text.indexOf("Obama"), text.indexOf("Obama") + 5, "PER"),
                new Span(text.indexOf("Putin"), text.length(), "PER")));
        assertThat(tags.get(0)).containsExactly("B-PER", "I-PER", "O", "O", "B-LOC", "O");
        assertThat(tags.get(1)).containsExactly("B-PER", "O", "B-PER");
    }

    @Test
    void aMentionAcrossTheSentenceBreakIsCutAndEarlierMentionsKeepTheirTokens() {
        String text = DOC.text();
        List<List<String>> tags = TagProjection.toIob2(DOC, List.of(
                new Span(text.indexOf("York"), text.indexOf("Obama") + 5, "ORG"),
                new Span(text.indexOf("New"), text.indexOf("York") + 4, "LOC"),
                new Span(text.indexOf("Obama"), text.indexOf("met") + 3, "MISC")));
        // LOC starts first and takes "New York"; ORG gets ". " then continues as a new chunk after the break
        assertThat(tags.get(0)).containsExactly("O", "O", "O", "B-LOC", "I-LOC", "B-ORG");
        assertThat(tags.get(1)).containsExactly("B-ORG", "B-MISC", "O");
    }

    @Test
    void adjacentMentionsOfOneTypeStaySeparate() {
        String text = DOC.text();
        List<List<String>> tags = TagProjection.toIob2(DOC, List.of(
                new Span(text.indexOf("Obama"), text.indexOf("Obama") + 5, "PER"),
                new Span(text.indexOf("met"), text.indexOf("met") + 3, "PER")));
        assertThat(tags.get(1)).containsExactly("B-PER", "B-PER", "O");
    }
}
