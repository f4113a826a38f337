package io.newsflow.eval;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SameJvmSpeedTest {

    @Test
    void buildsKeepTheirOrderTheFirstBeingTheReference() {
        SameJvmSpeed speed = new SameJvmSpeed();
        new CommandLine(speed).parseArgs("--build", "before=/a.jar:/b.jar", "--build", "after=/c.jar", "--linking", "off");

        assertThat(speed.builds).containsExactly(Map.entry("before", "/a.jar:/b.jar"), Map.entry("after", "/c.jar"));
        assertThat(speed.linking).isEqualTo(SameJvmSpeed.Linking.off);
        assertThat(speed.passes).isEqualTo(4);
        assertThat(speed.data).isEqualTo(Path.of("../shared/eval"));
    }

    @Test
    void oneBuildIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SameJvmSpeed()).setErr(new PrintWriter(err)).execute("--build", "only=/a.jar");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("at least two --build");
    }
}
