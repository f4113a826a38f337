package io.newsflow.eval.timex;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmlReaderTest {

    private static final String TML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TimeML>
            <DOCID>61327</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2007-02-27" functionInDocument="CREATION_TIME">2007-02-27</TIMEX3></DCT>
            <TEXT>AT&amp;T &lt;up&gt; <TIMEX3 tid="t24" type="DATE" value="2007-02-27">Tuesday</TIMEX3>
            Shares fell for <TIMEX3 tid="t25" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT>
            </TimeML>
            """;

    @Test
    void stripsTagsUnescapesAndKeepsOffsets() {
        TmlDocument doc = TmlReader.parse(TML, "fallback");
        assertThat(doc.id()).isEqualTo("61327");
        assertThat(doc.dct()).isEqualTo("2007-02-27");
        assertThat(doc.text()).isEqualTo("AT&T <up> Tuesday\nShares fell for two weeks.");
        assertThat(doc.timexes()).hasSize(2);
        TimexSpan tuesday = doc.timexes().get(0);
        assertThat(tuesday.start()).isEqualTo(10);
        assertThat(doc.text().substring(tuesday.start(), tuesday.end())).isEqualTo("Tuesday");
        assertThat(tuesday.type()).isEqualTo("DATE");
        assertThat(tuesday.value()).isEqualTo("2007-02-27");
        TimexSpan weeks = doc.timexes().get(1);
        assertThat(doc.text().substring(weeks.start(), weeks.end())).isEqualTo("two weeks");
        assertThat(weeks.text()).isEqualTo("two weeks");
        assertThat(weeks.value()).isEqualTo("P2W");
    }

    @Test
    void otherAnnotationLosesItsTagsAndKeepsItsWords() {
        // the French TimeBank: EVENT and SIGNAL inside the text, an empty DCT element
        TmlDocument doc = TmlReader.parse("""
                <TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-18" /></DCT>
                <TEXT>LE VILLAGE <EVENT class="OCCURRENCE" eid="e1">FERA</EVENT> LA FÊTE <SIGNAL sid="s1">dès</SIGNAL> \
                <TIMEX3 tid="t3" type="DATE" value="1999-05-23">DIMANCHE</TIMEX3>.<MAKEINSTANCE eiid="ei1"/></TEXT></TimeML>
                """, "fr");
        assertThat(doc.dct()).isEqualTo("1999-05-18");
        assertThat(doc.text()).isEqualTo("LE VILLAGE FERA LA FÊTE dès DIMANCHE.");
        assertThat(doc.timexes()).singleElement().satisfies(t -> {
            assertThat(doc.text().substring(t.start(), t.end())).isEqualTo("DIMANCHE");
            assertThat(t.value()).isEqualTo("1999-05-23");
        });
    }

    @Test
    void theLanguageOfADataSetIsInItsName() {
        assertThat(TmlDocument.languageOfSet("es-timebank-train")).isEqualTo("es");
        assertThat(TmlDocument.languageOfSet("fr-timebank-dev")).isEqualTo("fr");
        assertThat(TmlDocument.languageOfSet("meantime_en")).isEqualTo("en");
        assertThat(TmlDocument.languageOfSet("timebank")).isNull();
    }

    @Test
    void rejectsStrayMarkupAndNesting() {
        assertThatThrownBy(() -> TmlReader.parse("<TimeML><TEXT>a < b</TEXT></TimeML>", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TmlReader.parse("<TimeML><TEXT><TIMEX3 type=\"DATE\"><TIMEX3 type=\"DATE\">a</TIMEX3></TIMEX3></TEXT></TimeML>", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
