package io.newsflow.eval.ner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConllDocumentTest {

    private static final String CHINESE = """
            -DOCSTART-

            江\tB-PER
            泽\tI-PER
            民\tI-PER
            在\tO
            北\tB-LOC
            京\tI-LOC
            。\tO

            新\tB-ORG
            华\tI-ORG
            社\tI-ORG
            """;

    @Test
    void theLanguageOfASetIsItsFileNamePrefixAndEnglishWithoutOne() {
        assertThat(ConllDocument.languageOfSet("de-germeval2014-dev")).isEqualTo("de");
        assertThat(ConllDocument.languageOfSet("es-conll2002-dev")).isEqualTo("es");
        assertThat(ConllDocument.languageOfSet("it-kind-wikinews-dev")).isEqualTo("it");
        assertThat(ConllDocument.languageOfSet("nl-conll2002-dev")).isEqualTo("nl");
        assertThat(ConllDocument.languageOfSet("zh-msra-dev")).isEqualTo("zh");
        assertThat(ConllDocument.languageOfSet("wikigold")).isEqualTo("en");
        assertThat(ConllDocument.languageOfSet("gum_wikinews")).isEqualTo("en");
        assertThat(ConllDocument.languageOfSet("meantime_en")).isEqualTo("en");
    }

    @Test
    void readingAFileGivesItsDocumentsTheLanguageOfItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zh-msra-dev.conll");
        Files.writeString(file, CHINESE);
        Path english = dir.resolve("wikigold.conll");
        Files.writeString(english, "-DOCSTART-\n\nParis\tB-LOC\n");

        assertThat(ConllReader.read(file)).singleElement().satisfies(doc -> {
            assertThat(doc.language()).isEqualTo("zh");
            assertThat(doc.id()).isEqualTo("zh-msra-dev#1");
        });
        assertThat(ConllReader.read(english).get(0).language()).isEqualTo("en");
    }

    @Test
    void chineseCharactersAreJoinedWithoutSpacesAndOffsetsMapBackToEachCharacter() {
        ConllDocument doc = ConllReader.parse(CHINESE, "zh-msra-dev", "zh").get(0);

        assertThat(doc.tokenSeparator()).isEmpty();
        assertThat(doc.text()).isEqualTo("江泽民在北京。\n新华社");
        int[][][] spans = doc.tokenSpans();
        assertThat(spans[0][0]).containsExactly(0, 1);
        assertThat(spans[0][4]).containsExactly(4, 5);
        assertThat(spans[0][6]).containsExactly(6, 7);
        assertThat(spans[1][0]).containsExactly(8, 9); // after the newline
        assertThat(spans[1][2]).containsExactly(10, 11);
        for (int s = 0; s < spans.length; s++) {
            for (int t = 0; t < spans[s].length; t++) {
                String token = doc.sentences().get(s).tokens().get(t);
                assertThat(doc.text().substring(spans[s][t][0], spans[s][t][1])).isEqualTo(token);
            }
        }
    }

    @Test
    void wordSpansOverTheJoinedCharactersBecomeCharacterTags() {
        ConllDocument doc = ConllReader.parse(CHINESE, "zh-msra-dev", "zh").get(0);
        String text = doc.text();

        // as a segmenter would find them: 江泽民 (a person), 北京 (a place), 新华社 (an organisation)
        List<List<String>> tags = TagProjection.toIob2(doc, List.of(
                new Span(text.indexOf("江泽民"), text.indexOf("江泽民") + 3, "PER"),
                new Span(text.indexOf("北京"), text.indexOf("北京") + 2, "LOC"),
                new Span(text.indexOf("新华社"), text.indexOf("新华社") + 3, "ORG")));

        assertThat(tags).isEqualTo(doc.goldTags());
        ConllEval eval = new ConllEval();
        for (int s = 0; s < tags.size(); s++) {
            eval.add(doc.goldTags().get(s), tags.get(s));
        }
        assertThat(eval.overall().f1()).isEqualTo(1.0);
    }

    @Test
    void otherLanguagesKeepTheirTokensApart() {
        ConllDocument doc = ConllReader.parse("-DOCSTART-\n\nDie\tO\nZeit\tB-ORG\n", "de-germeval2014-dev", "de").get(0);

        assertThat(doc.text()).isEqualTo("Die Zeit");
        assertThat(doc.tokenSpans()[0][1]).containsExactly(4, 8);
    }
}
