package io.newsflow.enrichment.ner;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class HugeMethodCompilationTest {

    @Test
    void warnsWhenHugeMethodsStayInterpretedAndNamesTheOptionThatCompilesThem() {
        assertThat(HugeMethodCompilation.warning("true")).hasValueSatisfying(w -> assertThat(w).contains("-XX:-DontCompileHugeMethods"));
        assertThat(HugeMethodCompilation.warning("false")).isEmpty();
    }

    @Test
    void readsThisJvmsSetting() {
        // the build runs these tests with the option (test.argLine), as the launchers run the enricher
        boolean compiled = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-DontCompileHugeMethods");
        assertThat(compiled).isTrue();
        assertThat(HugeMethodCompilation.warning()).isEmpty();
    }
}
