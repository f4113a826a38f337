package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The DOM main-block extraction on small synthetic pages, one general failure class each. */
class MainBlockTest {

    private static final String P1 = "The committee met on Monday morning, and the members agreed on a new budget for the coming year.";
    private static final String P2 = "Under the plan, spending on roads, schools and parks rises, while the reserve fund shrinks slightly.";
    private static final String P3 = "Critics said the plan was rushed, but the chair replied that the numbers had been public for weeks.";
    private static final String P4 = "A final vote is expected next month, after two public hearings, officials said on Tuesday evening.";

    private static String text(String html) {
        return HtmlMainText.extract(html).text();
    }

    @Test
    void aLayoutWrapperWithAChromeClassStillYieldsTheArticleAndNotTheCookieBanner() {
        String page = "<html><body>"
                + "<div class='cookie-notice'><p>This site uses cookies to improve your experience, to measure traffic, "
                + "and to personalise content; by continuing you agree to our use of cookies.</p></div>"
                + "<div class='container has-sidebar'><div class='theme-sidebar-layout'>"
                + "<div class='entry'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p><p>" + P4 + "</p></div>"
                + "</div></div></body></html>";
        String t = text(page);
        assertThat(t).contains(P1).contains(P4).doesNotContain("cookies");
    }

    @Test
    void aBuilderWidgetHoldingTheWholePostIsKept() {
        String page = "<html><body><div class='builder-widget-wrap'><div class='builder-widget-container'>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></div>"
                + "<div class='widget'><p>Another short box that is a widget about something else entirely, yes.</p></div>"
                + "</body></html>";
        assertThat(text(page)).contains(P1).contains(P3).doesNotContain("Another short box");
    }

    @Test
    void textSeparatedOnlyByLineBreaksInsideADivIsFound() {
        String page = "<html><body><div id='menu-top'><a href='/'>Home</a> <a href='/a'>About</a></div>"
                + "<div class='main-column'><div class='story-text'>" + P1 + "<br><br>" + P2 + "<br><br>" + P3
                + "</div></div><div class='links'><a href='/1'>Some other story you could read today</a></div></body></html>";
        String t = text(page);
        assertThat(t).contains(P1).contains(P2).contains(P3).doesNotContain("Some other story").doesNotContain("About");
    }

    @Test
    void looseTextNextToBlockElementsBecomesParagraphs() {
        String page = "<html><body><div class='article-body'>" + P1 + "<h2>Second part</h2>" + P2
                + "<ul><li>" + P3 + "</li><li>" + P4 + "</li></ul></div></body></html>";
        String t = text(page);
        assertThat(t).isEqualTo(String.join("\n\n", P1, "Second part", P2, P3, P4));
    }

    @Test
    void hiddenAndScreenReaderOnlyElementsAreDropped() {
        String page = "<html><body><article><p>" + P1 + "</p>"
                + "<p style='display: none'>A hidden paragraph that the reader never sees on this page at all.</p>"
                + "<div aria-hidden='true'><p>Another invisible paragraph, only there for some script, it seems.</p></div>"
                + "<span class='sr-only'>Text for screen readers only.</span>"
                + "<p>" + P2 + "</p></article></body></html>";
        String t = text(page);
        assertThat(t).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void siblingBlocksOfTheArticleAreMergedAndChromeSiblingsAreNot() {
        String page = "<html><body><div id='page'>"
                + "<div class='part'><p>" + P1 + "</p><p>" + P2 + "</p></div>"
                + "<div class='inline-promo'><p><a href='/x'>Buy the print edition now, it is cheaper than ever before, really</a></p></div>"
                + "<div class='part'><p>" + P3 + "</p><p>" + P4 + "</p></div>"
                + "</div><div class='site-info'><p>Example Town News, 1 Main Street, Example Town, founded long ago.</p></div>"
                + "</body></html>";
        String t = text(page);
        assertThat(t).isEqualTo(String.join("\n\n", P1, P2, P3, P4));
    }

    @Test
    void headingsListsAndDataTablesInsideTheArticleAreKept() {
        String page = "<html><body><article><h1>The headline</h1><p>" + P1 + "</p><h3>What changes</h3>"
                + "<ol><li>Roads get more money</li><li>Schools get more money</li></ol>"
                + "<table><tr><th>Item</th><th>Amount</th></tr><tr><td>Roads</td><td>1,200</td></tr></table>"
                + "<p>" + P2 + "</p><div class='related-links'><h3>Read more</h3><ul><li><a href='/1'>Old story one</a></li>"
                + "<li><a href='/2'>Old story two</a></li></ul></div></article></body></html>";
        String t = text(page);
        assertThat(t).isEqualTo(String.join("\n\n", P1, "What changes", "Roads get more money", "Schools get more money",
                "Item Amount", "Roads 1,200", P2));
    }

    @Test
    void aPageWideFormStillYieldsItsArticle() {
        String page = "<html><body><form id='aspnetForm'><div class='top'><a href='/'>Home</a></div><div class='story'>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></form></body></html>";
        assertThat(text(page)).contains(P1).contains(P3);
    }

    @Test
    void articlesNestedInTheArticleAreRelatedTeasersAndGo() {
        String teaser = "<article class='teaser'><h3><a href='/t'>An older post</a></h3><p>An older post about something "
                + "else entirely, with a summary that is long enough to look like a paragraph of prose.</p></article>";
        String page = "<html><body><article class='post'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<h3 class='relatedpoststitle'>You may also like</h3>" + teaser + teaser + "</article></body></html>";
        assertThat(text(page)).isEqualTo(String.join("\n\n", P1, P2, P3));
    }

    @Test
    void aContentClassDoesNotMakeATitleBoxTheArticle() {
        String page = "<html><body><div id='page'><div class='content-wrapper title'><p>The budget vote: what the "
                + "committee decided</p></div><div class='region'><div class='field'>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></div>"
                + "<div class='site-bottom'><div class='copyright-block'><p>Example Town News, 1 Main Street, phone "
                + "555-0100, fax 555-0101, all contents copyright of the publisher.</p></div></div></div></body></html>";
        assertThat(text(page)).isEqualTo(String.join("\n\n", P1, P2, P3));
    }

    @Test
    void anEmbeddedPostQuotedInTheStoryIsKeptWithItsLinks() {
        String page = "<html><body><article><p>" + P1 + "</p>"
                + "<div class='social-media-embed'><blockquote class='embedded-post'><p>Look at this: "
                + "<a href='https://example.org/x'>example.org/x</a></p>&mdash; A reader (@reader) "
                + "<a href='https://example.org/s/1'>November 18, 2019</a></blockquote></div>"
                + "<div class='share-buttons'><a href='/s'>Share on Facebook</a> <a href='/t'>Share on Twitter</a></div>"
                + "<p>" + P2 + "</p></article></body></html>";
        String t = text(page);
        assertThat(t).contains(P1).contains("Look at this: example.org/x").contains("A reader (@reader)").contains(P2)
                .doesNotContain("Share on");
    }

    @Test
    void imageCreditsAndHoverCardsInsideTheArticleGo() {
        String page = "<html><body><div class='story-body'><p>" + P1 + "</p>"
                + "<div class='inline-image'><div class='image-credit'>Jane Doe | Example Photo Agency</div></div>"
                + "<p>" + P2 + " Said <span class='name'>Jo Smith<span class='rollover-card'><a href='/p/1'>Jo Smith</a>"
                + " <a href='/a/2'>Another story about Jo Smith</a></span></span>.</p>"
                + "<p>" + P3 + "</p></div></body></html>";
        String t = text(page);
        assertThat(t).isEqualTo(String.join("\n\n", P1, P2 + " Said Jo Smith.", P3));
    }

    @Test
    void theHeadlineH1GoesButH1SectionHeadingsInTheTextStay() {
        String page = "<html><body><div class='content'><h1>The budget vote</h1><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<h1>What the critics say</h1><p>" + P3 + "</p></div></body></html>";
        assertThat(text(page)).isEqualTo(String.join("\n\n", P1, P2, "What the critics say", P3));
    }
}
