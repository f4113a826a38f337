package io.newsflow.eval;

import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each part of the enrichment runs alone on real models (the stock pipeline is left out: it needs ~1.5 GB). */
class ComponentSpeedTest {

    @Test
    void everyPartIsTimedOnItsOwn() {
        List<ConllDocument> sample = ConllReader.parse("""
                -DOCSTART-

                Marshal\tO
                Khalifa\tB-PER
                Haftar\tI-PER
                met\tO
                officials\tO
                in\tO
                Moscow\tB-LOC
                on\tO
                Monday\tO
                .\tO

                He\tO
                said\tO
                talks\tO
                would\tO
                go\tO
                on\tO
                .\tO
                """, "test");
        // enough text for every part to use several ticks of the process CPU clock (10 ms here)
        List<ConllDocument> docs = Collections.nCopies(600, sample.get(0));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<ComponentSpeed.Run> runs = new ComponentSpeed(docs, 1, new PrintStream(log, true, StandardCharsets.UTF_8))
                .measure(false);

        assertThat(runs).extracting(ComponentSpeed.Run::component).containsExactly(
                "tokenize + ssplit",
                "tokenize + CRF english.all.3class",
                "tokenize + CRF english.conll.4class",
                "tokenize + both CRFs (Newsflow's NER)",
                "tokenize + dates (SUTime on windows)",
                "language (Lingua)",
                "Newsflow enrichment, all of it",
                "Newsflow enrichment, Wikipedia linking off");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.cpuSeconds()).isPositive();
            assertThat(run.tokensPerCpuSecond()).isEqualTo(600 * 17 / run.cpuSeconds());
        });
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("component tokenize + ssplit");
    }
}
