package io.newsflow.eval;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {

    private static int run(StringWriter err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new EvalCommand(new PrintStream(out), new PrintStream(new ByteArrayOutputStream())));
        PrintWriter errWriter = new PrintWriter(err);
        cli.setErr(errWriter);
        int code = cli.execute(args);
        errWriter.flush();
        return code;
    }

    @Test
    void unknownSetIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--sets", "ner,bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown set 'bogus'");
    }

    @Test
    void aLanguageThatIsNoIsoCodeIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--sets", "ner", "--languages", "de,german")).isEqualTo(2);
        assertThat(err.toString()).contains("--languages takes ISO 639-1 codes such as de,zh: 'german'");
    }

    @Test
    void missingDataFolderIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--data", "/nonexistent/eval-data", "--sets", "ner")).isEqualTo(2);
        assertThat(err.toString()).contains("no gold data folder");
    }

    @Test
    void naiveKeysAreTypeAndLowerCasedText() {
        assertThat(CoreNlpBaseline.naiveKey("LOC", "United States")).isEqualTo("LOC:united states");
        assertThat(CoreNlpBaseline.naiveKey("ORG", "U.S. Army")).isEqualTo("ORG:u.s. army");
    }

    @Test
    void coreNlpTagsMapToConllTypes() {
        assertThat(CoreNlpBaseline.conllType("PERSON")).isEqualTo("PER");
        assertThat(CoreNlpBaseline.conllType("CITY")).isEqualTo("LOC");
        assertThat(CoreNlpBaseline.conllType("STATE_OR_PROVINCE")).isEqualTo("LOC");
        assertThat(CoreNlpBaseline.conllType("NATIONALITY")).isEqualTo("MISC");
        assertThat(CoreNlpBaseline.conllType("ORGANIZATION")).isEqualTo("ORG");
        assertThat(CoreNlpBaseline.conllType("DATE")).isNull();
        assertThat(CoreNlpBaseline.conllType("TITLE")).isNull();
        assertThat(CoreNlpBaseline.conllType("O")).isNull();
    }
}
