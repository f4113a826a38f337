package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleCleanerTest {

    @Test
    void stripsSiteAndSectionSuffixes() {
        assertThat(TitleCleaner.clean("Moscow will support Haftar / News / News agency Inforos"))
                .isEqualTo("Moscow will support Haftar");
        assertThat(TitleCleaner.clean("Haftar's forces advance on Tripoli | Al Jazeera"))
                .isEqualTo("Haftar's forces advance on Tripoli");
        assertThat(TitleCleaner.clean("Haftar's forces advance on Tripoli - Al Jazeera English"))
                .isEqualTo("Haftar's forces advance on Tripoli");
        assertThat(TitleCleaner.clean("Russia and Libya sign an arms deal – example.co.uk"))
                .isEqualTo("Russia and Libya sign an arms deal");
        assertThat(TitleCleaner.clean("Talks in Moscow end without a deal - The Daily Planet"))
                .isEqualTo("Talks in Moscow end without a deal");
    }

    @Test
    void keepsSuffixesThatAreText() {
        assertThat(TitleCleaner.clean("Libya's war explained - and what comes next"))
                .isEqualTo("Libya's war explained - and what comes next");
        assertThat(TitleCleaner.clean("U.S.-Russia talks resume in Geneva")).isEqualTo("U.S.-Russia talks resume in Geneva");
        assertThat(TitleCleaner.clean("Putin - Erdogan")).isEqualTo("Putin - Erdogan");
        assertThat(TitleCleaner.clean("  Spaces   everywhere  ")).isEqualTo("Spaces everywhere");
        assertThat(TitleCleaner.clean("   ")).isNull();
    }

    @Test
    void dropsBreadcrumbs() {
        assertThat(TitleCleaner.clean("Home / World / Haftar visits Moscow again")).isEqualTo("Haftar visits Moscow again");
        // no separators: the body's first line tells where the headline starts
        String body = "\nHaftar hopes to receive military aid from Kremlin\n\nThe commander of the army visited Moscow.";
        assertThat(TitleCleaner.clean("Home Reports Haftar hopes to receive military aid from Kremlin", body))
                .isEqualTo("Haftar hopes to receive military aid from Kremlin");
        // an ordinary headline whose end is not the body's first line stays whole
        assertThat(TitleCleaner.clean("Haftar hopes to receive aid", "Something else entirely happened today."))
                .isEqualTo("Haftar hopes to receive aid");
    }

    @Test
    void creditLineIsNoTitle() {
        assertThat(TitleCleaner.clean("Originally appeared at Izvestia, translated by A. Translator for SomeSite", "Body."))
                .isNull();
        assertThat(TitleCleaner.fromText("\nThe army of the east took the town. Then it left.")).isEqualTo("The army of the east took the town.");
        assertThat(TitleCleaner.fromText("word ".repeat(60))).endsWith("…").hasSizeLessThanOrEqualTo(161);
        assertThat(TitleCleaner.fromText("  \n ")).isNull();
    }
}
