package io.newsflow.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query benchmark runs end to end on a small corpus and every plan check passes (no figures are checked). */
class QueryBenchIT {

    @Test
    void queryBenchmarkRunsAndItsPlansUseTheIndexes() throws Exception {
        int exit = Bench.run("query", "--articles", "2000", "--samples", "3", "--warmup", "1", "--seconds", "2");
        assertThat(exit).as("exit code (1: a plan check failed, see the output)").isZero();
    }
}
