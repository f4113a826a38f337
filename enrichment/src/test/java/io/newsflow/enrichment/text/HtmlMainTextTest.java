package io.newsflow.enrichment.text;

import io.newsflow.events.PublishedDates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlMainTextTest {

    private static final String PAGE = """
            <!doctype html>
            <html><head>
              <title>Haftar visits Moscow | The Example Times</title>
              <meta property="og:title" content="Haftar visits Moscow for talks">
              <meta property="article:published_time" content="2019-05-30T08:15:00+03:00">
              <script>var tracking = "Haftar tracking code";</script>
              <style>.x { color: red }</style>
            </head><body>
              <header><a href="/">The Example Times</a> <nav><a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
              <div class="layout">
                <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Unrelated story one</a></li></ul></aside>
                <article>
                  <h1>Haftar visits Moscow for talks</h1>
                  <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
                  <p>Marshal Khalifa Haftar, the commander of the Libyan National Army, held talks in Moscow on Tuesday, officials said.</p>
                  <p>The visit was brief and unofficial, which makes the negotiations even more significant, analysts said.</p>
                  <div class="ad-slot advert">Advertisement: buy our product now</div>
                  <p>Russia has called for a ceasefire, and for talks between the rival governments, since the spring.</p>
                  <p><a href="/more">Read more about Libya</a></p>
                </article>
              </div>
              <section id="comments"><h3>Comments</h3><p>This is a reader comment that is long enough to look like a paragraph, sadly.</p></section>
              <footer><p>Copyright 2019 The Example Times. All rights reserved and some more footer text here.</p></footer>
            </body></html>
            """;

    @Test
    void extractsTitleDateAndMainParagraphs() {
        HtmlMainText.Result r = HtmlMainText.extract(PAGE);
        assertThat(r.title()).isEqualTo("Haftar visits Moscow for talks");
        assertThat(r.publishedAt()).isEqualTo("2019-05-30T08:15:00+03:00");
        assertThat(r.text()).isEqualTo(String.join("\n\n",
                "Marshal Khalifa Haftar, the commander of the Libyan National Army, held talks in Moscow on Tuesday, officials said.",
                "The visit was brief and unofficial, which makes the negotiations even more significant, analysts said.",
                "Russia has called for a ceasefire, and for talks between the rival governments, since the spring."));
    }

    @Test
    void prefersJsonLdArticleBody() {
        String page = """
                <html><head><title>Fallback title - Example News</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
                 {"@type":"NewsArticle","headline":"A headline","datePublished":"2016-09-22",
                  "articleBody":"First paragraph of the body.\\nSecond paragraph of the body."}]}
                </script></head>
                <body><div><p>Some teaser text that is not the article body at all, really.</p></div></body></html>
                """;
        HtmlMainText.Result r = HtmlMainText.extract(page);
        assertThat(r.text()).isEqualTo("First paragraph of the body.\n\nSecond paragraph of the body.");
        assertThat(r.publishedAt()).isEqualTo("2016-09-22");
        assertThat(r.title()).isEqualTo("Fallback title - Example News");
    }

    @Test
    void aJsonLdTeaserLosesToTheMuchLongerTextOfThePage() {
        String para = "The talks in Moscow went on for most of the day, officials said after the meeting ended. ";
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"articleBody\":\"Talks in Moscow &amp; more.\"}</script></head><body><article>"
                + ("<p>" + para.repeat(3) + "</p>").repeat(4) + "</article></body></html>";
        HtmlMainText.Result r = HtmlMainText.extract(page);
        assertThat(r.text()).startsWith("The talks in Moscow").contains("\n\n").doesNotContain("&amp;");
    }

    @Test
    void entitiesInAPlainTextArticleBodyAreDecoded() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"articleBody\":\"Smith &amp; Sons said it&#8217;s done.\"}</script></head><body><p>Short.</p></body></html>";
        assertThat(HtmlMainText.extract(page).text()).isEqualTo("Smith & Sons said it’s done.");
    }

    @Test
    void pagesWithoutParagraphElementsKeepTheirLineBreaks() {
        String page = "<html><body><h1>Headline</h1><div id='story'>First line of the story, long enough.<br>"
                + "Second line of the story, long enough too.<br><br>Third line after a gap.</div></body></html>";
        HtmlMainText.Result r = HtmlMainText.extract(page);
        assertThat(r.title()).isEqualTo("Headline");
        assertThat(r.text()).contains("First line of the story, long enough.\nSecond line of the story, long enough too.")
                .contains("Third line after a gap.");
        assertThat(r.publishedAt()).isNull();
    }

    @Test
    void brokenJsonLdAndEmptyPagesDoNotFail() {
        HtmlMainText.Result r = HtmlMainText.extract("<html><head><script type='application/ld+json'>{broken</script></head></html>");
        assertThat(r.text()).isEmpty();
        assertThat(HtmlMainText.extract("").title()).isNull();
        assertThat(PublishedDates.keepingLocalDay("2019-05-30 10:00:00")).contains("2019-05-30");
        assertThat(PublishedDates.keepingLocalDay("yesterday")).isEmpty();
    }

    private static final String PARA = "The council approved the plan on Monday, after a long debate, and work starts in spring. ";

    private static String pageWithJsonLd(String articleBody, String domBody) {
        return "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + articleBody + "\"}</script></head><body><article>" + domBody + "</article></body></html>";
    }

    @Test
    void theDomTextWinsOverAJsonLdBodyThatIsTheSameTextWithoutItsStructure() {
        String dom = "<p>" + PARA.repeat(3) + "</p><h2>What comes next</h2><p>" + PARA.repeat(3) + "</p>";
        String flat = (PARA.repeat(3) + "What comes next " + PARA.repeat(3)).strip();
        assertThat(HtmlMainText.extract(pageWithJsonLd(flat, dom)).text())
                .isEqualTo(PARA.repeat(3).strip() + "\n\nWhat comes next\n\n" + PARA.repeat(3).strip());
    }

    @Test
    void aJsonLdBodyCutWithAnEllipsisIsNotUsed() {
        String dom = "<p>Short page text that the page shows, nothing else of note here.</p>";
        String cut = "The council approved the plan on Monday, after a long debate, and work starts in spring. The…";
        assertThat(HtmlMainText.extract(pageWithJsonLd(cut, dom)).text()).startsWith("Short page text");
    }

    @Test
    void aJsonLdBodyMuchLongerThanThePageTextIsUsed() {
        // the page renders its body with scripts: the DOM holds only a standfirst
        String dom = "<p>" + PARA.repeat(6) + "</p>";
        String full = (PARA.repeat(6) + "\\n" + PARA.repeat(4)).strip();
        assertThat(HtmlMainText.extract(pageWithJsonLd(full, dom)).text()).contains("\n\n").hasSizeGreaterThan(PARA.length() * 9);
    }
}
