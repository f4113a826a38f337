package io.newsflow.eval;

import io.newsflow.enrichment.Enricher;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllReader;
import io.newsflow.events.EnrichedArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The enricher gets each NER set's language as a client would give it (real models). */
class NewsflowExtractorTest {

    private static NewsflowExtractor newsflow;

    @BeforeAll
    static void load() {
        newsflow = new NewsflowExtractor(new Enricher());
    }

    @Test
    void theSetsLanguageIsGivenNotDetected() {
        // English words: detection would say en; the set says de
        ConllDocument doc = ConllReader.parse("-DOCSTART-\n\nThe\tO\nminister\tO\nmet\tO\nthe\tO\npress\tO\n.\tO\n",
                "de-test", "de").get(0);

        EnrichedArticle out = newsflow.enrichNerText(doc);

        assertThat(out.language()).isEqualTo("de");
        assertThat(out.text()).isEqualTo("The minister met the press .");
    }

    @Test
    void chineseTextReachesTheEnricherWithoutSpaces() {
        ConllDocument doc = ConllReader.parse("-DOCSTART-\n\n北\tB-LOC\n京\tI-LOC\n下\tO\n雨\tO\n了\tO\n", "zh-test", "zh").get(0);

        EnrichedArticle out = newsflow.enrichNerText(doc);

        assertThat(out.language()).isEqualTo("zh");
        assertThat(out.text()).isEqualTo("北京下雨了");
    }
}
