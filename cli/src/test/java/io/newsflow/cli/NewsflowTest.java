package io.newsflow.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The top command: its help, and the usage errors it answers before any subcommand runs. */
class NewsflowTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Newsflow.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false).execute(args);
    }

    @Test
    void helpListsTheJavaCommands() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: newsflow [-hV] COMMAND");
        assertThat(help.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]))
                .contains("ingest", "enrich", "eval", "train-ner", "reprocess");
    }

    @Test
    void theDelegatedCommandsKeepTheirOwnOptions() {
        assertThat(run("eval", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--no-baseline").contains("--languages");
        out.reset();
        assertThat(run("train-ner", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--evaluate-only").contains("LANG");
    }

    @Test
    void enrichWithoutInputIsAUsageError() {
        assertThat(run("enrich")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("newsflow: enrich needs files or folders, or '-' to read NDJSON from stdin\n");
    }

    @Test
    void noOrAnUnknownCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("newsflow: no command given\n\nUsage: newsflow");
        err.reset();
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("newsflow: unknown command 'frobnicate'\n");
    }

    @Test
    void reprocessRefusesArguments() {
        assertThat(run("reprocess", "all")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("newsflow: reprocess: unexpected argument 'all'\n");
    }
}
