package io.newsflow.e2e;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ./newsflow command line's own checks (usage errors, status/down, ingest against a stand-in server). */
class NewsflowScriptIT {

    @Test
    void commandLineChecksPass() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", ".."));
        Process p = new ProcessBuilder("bash", root.resolve("scripts/test-newsflow.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("FAIL");
    }
}
