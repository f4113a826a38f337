package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {

    private static final String PROSE_1 = "The delegation arrived in the capital on a short visit and met officials of the ministry.";
    private static final String PROSE_2 = "Observers said the talks were brief, but that both sides wanted to keep the channel open.";
    private static final String PROSE_3 = "A spokesman declined to comment on the details of the agreement reached during the meeting.";

    @Test
    void removesWidgetsPromptsCountersAndCredits() {
        String body = String.join("\n",
                "Rate it",
                "12 comments",
                "0 6,986",
                "Share Facebook Twitter WhatsApp",
                PROSE_1,
                "- Advertisement -",
                "",
                PROSE_2,
                "Photo: Some Agency",
                "By John Smith",
                "Subscribe to our newsletter",
                "Sign up here to get the latest news, updates and special offers delivered directly to your inbox.",
                "Get real time updates directly on you device, subscribe now.",
                "Read more: Another story about something",
                "Copyright © 2019 Some Media. All rights reserved.",
                PROSE_3);
        assertThat(TextCleaner.clean(body, null)).isEqualTo(PROSE_1 + "\n\n" + PROSE_2 + "\n" + PROSE_3);
    }

    @Test
    void keepsProseThatMentionsBoilerplateWords() {
        String body = String.join("\n",
                "Advertisement revenue of the state broadcaster fell sharply last year, and the ministry said it would "
                        + "subscribe to a new plan to fund the channel, according to a statement published on Monday by the office.",
                "Comments by the minister angered the opposition.",
                "He said: \"Share the burden.\"");
        assertThat(TextCleaner.clean(body, null)).isEqualTo(body);
    }

    @Test
    void removesRepeatedHeadlinesButKeepsTheLede() {
        String title = "Moscow will support Haftar";
        String body = String.join("\n",
                "Moscow will support Haftar",
                "",
                "Commander of the Libyan National Army has held negotiations in Moscow",
                "",
                "Moscow will support Haftar / News / News agency Inforos",
                "Home Reports Moscow will support Haftar",
                "",
                PROSE_1);
        assertThat(TextCleaner.clean(body, title))
                .isEqualTo("Commander of the Libyan National Army has held negotiations in Moscow\n\n" + PROSE_1);
    }

    @Test
    void cutsRelatedLinksAndCommentsAtTheEnd() {
        String body = String.join("\n", PROSE_1, PROSE_2, PROSE_3, PROSE_1.replace("capital", "city"),
                "", "", "Popular posts from this blog", "", "Danish company uses high tech solution", "",
                "Dogs in a small town to be fitted with vests");
        assertThat(TextCleaner.clean(body, null)).endsWith(PROSE_1.replace("capital", "city"));
    }

    @Test
    void aRelatedHeadingEarlyOnlyGoesItself() {
        String body = String.join("\n", "Related articles", PROSE_1, PROSE_2, PROSE_3);
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1, PROSE_2, PROSE_3));
    }

    @Test
    void removesShortLinesInAnotherScript() {
        String body = String.join("\n", PROSE_1, "Сообщите об орфографической ошибке", PROSE_2, PROSE_3);
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1, PROSE_2, PROSE_3));
        // at the end of a page, a comment prompt cuts what follows
        String tail = String.join("\n", PROSE_1, PROSE_2, "Add comment", "", "Выделенный текст слишком длинный.");
        assertThat(TextCleaner.clean(tail, null)).isEqualTo(PROSE_1 + "\n" + PROSE_2);
        // in a Russian text, Russian lines are the text
        String russian = "Президент провёл переговоры в Москве.\nСтороны обсудили ситуацию в Ливии.";
        assertThat(TextCleaner.clean(russian, null)).isEqualTo(russian);
    }

    @Test
    void dropsQuotedDuplicates() {
        String comment = "they are more keen to destroy all countries by making them fight each other";
        String body = String.join("\n", PROSE_1, "US allies can not be trusted, " + comment + ".", comment + ".", "Agreed…");
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1,
                "US allies can not be trusted, " + comment + ".", "Agreed…"));
    }

    @Test
    void normalisesLineEndsAndBlankRuns() {
        assertThat(TextCleaner.clean("\r\n\r\n  First  line \r\n\r\n\r\n\r\nSecond\u00A0line\u200B\n\n", null))
                .isEqualTo("First line\n\nSecond line");
        assertThat(TextCleaner.clean(null, null)).isEmpty();
    }

    @Test
    void aLinkListHeadingInsideTheArticleDropsTheHeadlinesButNotTheProseAfterThem() {
        String more = "The two sides will meet again next week, after the holiday, to go through the remaining open questions.";
        String body = String.join("\n", PROSE_1, PROSE_2, PROSE_3, "", "Don't miss", "",
                "Minister resigns after a long row [VIDEO]", "Storm hits the coast overnight", "", more);
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1, PROSE_2, PROSE_3) + "\n\n" + more);
        // a comment heading still ends the article
        String withComments = String.join("\n", PROSE_1, PROSE_2, PROSE_3, "", "3 comments", "", more);
        assertThat(TextCleaner.clean(withComments, null)).isEqualTo(String.join("\n", PROSE_1, PROSE_2, PROSE_3));
    }

    @Test
    void repeatedListLinesStayButRepeatedProseGoes() {
        String item = "Portions: 1 cup rice, 2 eggs, 1 tsp. olive oil, 1 cup spinach, 4 oz. cooked fish (or tofu)";
        String body = String.join("\n", PROSE_1, "Monday", item, "Tuesday", item, PROSE_2, PROSE_1);
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1, "Monday", item, "Tuesday", item, PROSE_2));
    }

    @Test
    void shortcodesLeftByTheCmsGo() {
        String body = String.join("\n", PROSE_1, "[button link=\"https://example.org/send\" type=\"big\"] Send us your review[/button]",
                "[gallery ids=\"1,2,3\"]", PROSE_2, "[Photo = Example Agency]");
        assertThat(TextCleaner.clean(body, null)).isEqualTo(String.join("\n", PROSE_1, PROSE_2, "[Photo = Example Agency]"));
    }
}
