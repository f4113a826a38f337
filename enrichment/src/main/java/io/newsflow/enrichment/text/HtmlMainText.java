package io.newsflow.enrichment.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.articles.PageMetadata;
import io.newsflow.events.PublishedDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a web page: its title, its main text and its publication date (title and date from {@link PageMetadata},
 * the pipeline's one reader of page metadata, the date in the form that keeps its local day).
 *
 * <p>Main text: the main content block of the DOM, or the JSON-LD {@code articleBody} when it is complete and
 * the DOM gave less (see {@link #preferJsonLd}); the DOM block is found by {@link MainBlock} ({@link MainBlock}: Readability-style paragraph scoring with link density and
 * class/id hints, sibling blocks, chrome removed). Paragraphs are separated by blank lines.
 */
public final class HtmlMainText {

    /** What a page gave: any field may be null. */
    public record Result(String title, String text, String publishedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON-LD articleBody shorter than this share of the DOM's main text is taken for a teaser. */
    private static final double TEASER_RATIO = 0.6;
    /** The DOM's text is trusted over a JSON-LD articleBody from this length on... */
    private static final int DOM_UNSURE = 500;
    /** ...unless the articleBody is longer by this factor. */
    private static final double MORE_COMPLETE = 1.2;
    /** A body cut short: ends with an ellipsis or "Read more". */
    private static final Pattern TRUNCATED = Pattern.compile("(\\.\\.\\.|…|\\[…\\]|read more|continue reading)\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\x0B\\f\\r\\n]+");

    private HtmlMainText() {
    }

    public static Result extract(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        DomDepth.cap(doc, DomDepth.MAX_DEPTH);
        PageMetadata page = PageMetadata.of(doc);
        String published = page.publishedAt() == null ? null : PublishedDates.keepingLocalDay(page.publishedAt()).orElse(null);
        List<JsonNode> jsonLd = jsonLd(doc);
        String body = jsonLdField(jsonLd, "articleBody");
        String fromDom = mainText(doc);
        String fromJsonLd = body == null ? null : bodyText(body);
        return new Result(page.title(), preferJsonLd(fromJsonLd, fromDom) ? fromJsonLd : fromDom, published);
    }

    /**
     * JSON-LD articleBody only when it is complete and the DOM's text is not as good: some sites put a teaser
     * there, or a body cut with an ellipsis, and most put the same text as the page without its paragraphs
     * and headings. So: never a teaser (under {@value #TEASER_RATIO} of the DOM's text) or a cut body; then
     * only when the DOM gave little text ({@value #DOM_UNSURE} characters) or clearly less (the page builds
     * its body with scripts).
     */
    private static boolean preferJsonLd(String fromJsonLd, String fromDom) {
        if (fromJsonLd == null || fromJsonLd.isBlank() || TRUNCATED.matcher(fromJsonLd).find()
                || fromJsonLd.length() < TEASER_RATIO * fromDom.length()) {
            return false;
        }
        return fromDom.length() < DOM_UNSURE || fromJsonLd.length() > MORE_COMPLETE * fromDom.length();
    }

    // ---- main text from the DOM

    private static String mainText(Document doc) {
        return MainBlock.text(doc);
    }

    // ---- JSON-LD

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), nodes);
            } catch (Exception e) {
                // broken JSON-LD is common; the page's DOM still has the text
            }
        }
        return nodes;
    }

    /** Flattens arrays and {@code @graph} lists into the objects they hold, in document order (without recursion). */
    private static void collect(JsonNode root, List<JsonNode> out) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(node.get(i)); // reversed onto the stack: popped in order
                }
            } else if (node.isObject()) {
                out.add(node);
                JsonNode graph = node.get("@graph");
                if (graph != null) {
                    pending.push(graph);
                }
            }
        }
    }

    /** The longest string value of a field among the JSON-LD objects (articleBody beats a teaser). */
    private static String jsonLdField(List<JsonNode> nodes, String field) {
        String best = null;
        for (JsonNode n : nodes) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank() && (best == null || v.asText().length() > best.length())) {
                best = v.asText();
            }
        }
        return best;
    }

    /** articleBody is plain text, sometimes with HTML inside: paragraphs separated by blank lines either way. */
    private static String bodyText(String body) {
        if (body.contains("</p>") || body.contains("<br")) {
            Document fragment = Jsoup.parseBodyFragment(body);
            DomDepth.cap(fragment, DomDepth.MAX_DEPTH);
            fragment.select("br").forEach(br -> br.replaceWith(new TextNode(MainBlock.LINE_BREAK)));
            return MainBlock.paragraphsOf(fragment.body());
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : body.replace("\r\n", "\n").split("\n")) {
            // plain-text bodies still arrive with HTML entities (&amp;, &#8217;) now and then
            String t = WHITESPACE.matcher(p.indexOf('&') >= 0 ? Parser.unescapeEntities(p, false) : p).replaceAll(" ").strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
