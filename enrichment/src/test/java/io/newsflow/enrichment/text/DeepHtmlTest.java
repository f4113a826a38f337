package io.newsflow.enrichment.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile nesting: no walk over the DOM may depend on its depth (a 5,000-deep page once threw StackOverflowError). */
class DeepHtmlTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String STORY = "Marshal Khalifa Haftar met Defense Minister Sergei Shoigu in Moscow on Tuesday, "
            + "and both sides said the talks, which lasted three hours, were useful.";

    /** {@code depth} nested {@code tag} elements around the story, never closed (as the probe sent them). */
    static String nested(String tag, int depth) {
        StringBuilder html = new StringBuilder("<html><head><title>Deep page</title></head><body>");
        for (int i = 0; i < depth; i++) {
            html.append('<').append(tag).append('>');
        }
        return html.append(STORY).append("</body></html>").toString();
    }

    @ParameterizedTest
    @CsvSource({"div, 5000", "div, 100000", "span, 5000", "span, 100000", "b, 100000", "table, 100000", "section, 100000",
            "blockquote, 100000"})
    void deeplyNestedPagesGiveTheirTextQuickly(String tag, int depth) {
        String html = nested(tag, depth);
        long started = CPU.getCurrentThreadCpuTime();
        HtmlMainText.Result page = HtmlMainText.extract(html);
        long cpuMs = (CPU.getCurrentThreadCpuTime() - started) / 1_000_000;
        assertThat(page.text()).isEqualTo(STORY);
        assertThat(page.title()).isEqualTo("Deep page");
        // CPU time, not wall time: the build machine may be busy. Well under a second once the JIT has warmed up.
        assertThat(cpuMs).as("CPU ms for %s x %d", tag, depth).isLessThan(2_000);
    }

    @Test
    void mixedDeepNestingKeepsTheParagraphsInOrder() {
        StringBuilder html = new StringBuilder("<html><body><article><p>" + STORY + "</p>");
        for (int i = 0; i < 20_000; i++) {
            html.append(i % 3 == 0 ? "<div>" : i % 3 == 1 ? "<span>" : "<em>");
        }
        html.append("<p>A second paragraph deep down, long enough to count as prose for the scoring of the page.</p>")
                .append("<script>var hidden = 'no text';</script>")
                .append("<p>A third paragraph deep down, also long enough to count as prose for the scoring here.</p>");
        String text = HtmlMainText.extract(html.append("</body></html>").toString()).text();
        assertThat(text).startsWith(STORY).doesNotContain("no text");
        assertThat(text.indexOf("A second paragraph")).isPositive().isLessThan(text.indexOf("A third paragraph"));
    }

    @Test
    void pagesWithinTheDepthCapAreLeftExactlyAsParsed() {
        String html = nested("div", DomDepth.MAX_DEPTH - 10);
        Document capped = Jsoup.parse(html);
        DomDepth.cap(capped, DomDepth.MAX_DEPTH);
        assertThat(capped.outerHtml()).isEqualTo(Jsoup.parse(html).outerHtml());
    }

    @Test
    void beyondTheCapTheContentBecomesParagraphsOfItsText() {
        Document doc = Jsoup.parse("<body><div><div><p>One <b>bold</b> move.</p><div><ul><li>Two</li><li>Three<br>four</li></ul>"
                + "<script>x()</script><span>five</span></div></div></div></body>");
        doc.outputSettings().prettyPrint(false);
        // html (1), body (2), div (3), div (4): the second div is flattened
        DomDepth.cap(doc, 4);
        assertThat(doc.body().child(0).child(0).html())
                .isEqualTo("<p>One bold move.</p><p>Two</p><p>Three<br>four</p><p>five</p>");
        assertThat(doc.body().text()).isEqualTo("One bold move. Two Three four five");
    }
}
