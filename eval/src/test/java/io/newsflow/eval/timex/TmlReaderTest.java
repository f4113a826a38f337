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
    void rejectsOtherMarkupAndNesting() {
        assertThatThrownBy(() -> TmlReader.parse("<TimeML><TEXT>a <EVENT>b</EVENT></TEXT></TimeML>", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TmlReader.parse("<TimeML><TEXT><TIMEX3 type=\"DATE\"><TIMEX3 type=\"DATE\">a</TIMEX3></TIMEX3></TEXT></TimeML>", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
