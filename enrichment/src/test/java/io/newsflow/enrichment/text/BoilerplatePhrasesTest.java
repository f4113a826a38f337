package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplatePhrasesTest {

    private static boolean matches(String phrase, String line) {
        return Pattern.compile(BoilerplatePhrases.regex(phrase)).matcher(line).matches();
    }

    @Test
    void numberPlaceholderMatchesCountsWithOrWithoutSpace() {
        assertThat(matches("kommentare (#)", "kommentare (12)")).isTrue();
        assertThat(matches("kommentare (#)", "kommentare(1.204)")).isTrue();
        assertThat(matches("# comentarios", "37 comentarios")).isTrue();
        assertThat(matches("kommentare (#)", "kommentare (zwölf)")).isFalse();
    }

    @Test
    void ellipsisStandsForTextAtTheEndTheStartOrInTheMiddle() {
        assertThat(matches("lesen sie auch …", "lesen sie auch: warum der strompreis steigt")).isTrue();
        assertThat(matches("lesen sie auch …", "lesen sie auch")).isTrue();
        assertThat(matches("lesen sie auch …", "lesen sie auchxyz")).isFalse();
        assertThat(matches("… tous droits réservés …", "2019 le journal, tous droits réservés")).isTrue();
        assertThat(matches("auf … teilen", "auf facebook teilen")).isTrue();
        assertThat(matches("auf … teilen", "aufteilen")).isFalse();
    }

    @Test
    void colonMayFollowASpaceAsInFrench() {
        assertThat(matches("crédit photo: …", "crédit photo : afp")).isTrue();
        assertThat(matches("crédit photo: …", "crédit photo: afp")).isTrue();
    }

    @Test
    void tablesAreReadForEveryRuleKind() {
        assertThat(BoilerplatePhrases.isBoilerplateLine("anzeige")).isTrue();
        assertThat(BoilerplatePhrases.isBoilerplateLine("foto: dpa")).isTrue(); // credits.tsv
        assertThat(BoilerplatePhrases.tailHeading("leserkommentare (12)")).isEqualTo(BoilerplatePhrases.Tail.COMMENTS);
        assertThat(BoilerplatePhrases.tailHeading("noticias relacionadas")).isEqualTo(BoilerplatePhrases.Tail.LINKS);
        assertThat(BoilerplatePhrases.tailHeading("die kommentare des ministers")).isNull();
        assertThat(BoilerplatePhrases.isShareLabel("partager")).isTrue();
        assertThat(BoilerplatePhrases.isSubscribePrompt("abonnez-vous à notre newsletter", () -> "fr")).isTrue();
        assertThat(BoilerplatePhrases.isSubscribePrompt("abonnez-vous à notre newsletter", () -> "en")).isFalse();
    }
}
