package io.newsflow.enrichment.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a web page: its title, its main text and its publication date.
 *
 * <p>Main text: the JSON-LD {@code articleBody} when the page has one; else the content block with the most
 * paragraph text (scored per paragraph and discounted by link density, in the spirit of Readability) after
 * removing scripts, navigation, headers, footers, asides, forms and elements whose class/id names them as
 * chrome (comments, share bars, related links, ads). Paragraphs are separated by blank lines.
 */
public final class HtmlMainText {

    /** What a page gave: any field may be null. */
    public record Result(String title, String text, String publishedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON-LD articleBody shorter than this share of the DOM's main text is taken for a teaser. */
    private static final double TEASER_RATIO = 0.6;
    private static final String LINE_BREAK = "\u2028"; // survives jsoup's whitespace normalisation, becomes '\n'
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\x0B\\f\\r\\n]+");
    private static final Pattern CLASS_TOKEN = Pattern.compile("[\\s_-]+|(?<=[a-z])(?=[A-Z])");
    /** class/id words that mark page chrome, never article content. */
    private static final Set<String> NOISE = Set.of("comment", "comments", "share", "sharing", "social", "related",
            "promo", "advert", "advertisement", "ad", "ads", "sidebar", "newsletter", "subscribe", "cookie", "cookies",
            "banner", "breadcrumb", "breadcrumbs", "menu", "nav", "navbar", "navigation", "footer", "header", "popup",
            "modal", "widget", "sponsor", "sponsored", "recommended", "outbrain", "taboola", "disqus", "tags",
            "rating", "masthead");
    /** Chrome words that win even on an element that also looks like content ("comment-body"). */
    private static final Set<String> STRONG_NOISE = Set.of("comment", "comments", "disqus", "outbrain", "taboola",
            "share", "sharing", "social", "newsletter", "cookie", "cookies", "advert", "advertisement", "related");
    /** class/id words of content blocks: "entry-content has-ads" is still the article. */
    private static final Set<String> CONTENT = Set.of("article", "body", "content", "main", "entry", "post", "story", "text");
    private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article");
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private HtmlMainText() {
    }

    public static Result extract(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        List<JsonNode> jsonLd = jsonLd(doc);
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), doc.title(), text(doc.selectFirst("h1")),
                jsonLdField(jsonLd, "headline"));
        String published = firstNonBlank(
                isoDate(meta(doc, "meta[property=article:published_time]")),
                isoDate(meta(doc, "meta[name=article:published_time]")),
                isoDate(meta(doc, "meta[itemprop=datePublished]")),
                isoDate(jsonLdField(jsonLd, "datePublished")),
                isoDate(meta(doc, "meta[name~=(?i)^(pubdate|publishdate|publish-date|date|dc\\.date\\.issued|dcterms\\.created|parsely-pub-date)$]")),
                isoDate(attr(doc.selectFirst("time[itemprop=datePublished][datetime]"), "datetime")),
                isoDate(attr(doc.selectFirst("article time[datetime]"), "datetime")));
        String body = jsonLdField(jsonLd, "articleBody");
        String fromDom = mainText(doc);
        // JSON-LD articleBody is often the whole text, but some sites put only a teaser there: trust it unless
        // the page itself holds a much longer text
        String fromJsonLd = body == null ? null : bodyText(body);
        boolean teaser = fromJsonLd == null || fromJsonLd.length() < TEASER_RATIO * fromDom.length();
        return new Result(title, teaser ? fromDom : fromJsonLd, published);
    }

    // ---- main text from the DOM

    private static String mainText(Document doc) {
        doc.select("br").forEach(br -> br.replaceWith(new TextNode(LINE_BREAK)));
        doc.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, input, "
                + "select, textarea, figure, [hidden], [role~=^(navigation|banner|contentinfo|complementary)$]").remove();
        for (Element e : doc.select("[class], [id]")) {
            if (!PROTECTED.contains(e.normalName()) && isNoise(e)) {
                e.remove();
            }
        }
        Element best = bestContainer(doc);
        if (best == null) {
            return paragraphsOf(doc.body() == null ? doc : doc.body());
        }
        return paragraphsOf(best);
    }

    private static boolean isNoise(Element e) {
        boolean noise = false;
        boolean content = false;
        for (String token : CLASS_TOKEN.split(e.className() + " " + e.id())) {
            String t = token.toLowerCase(Locale.ROOT);
            if (STRONG_NOISE.contains(t)) {
                return true;
            }
            noise |= NOISE.contains(t);
            content |= CONTENT.contains(t);
        }
        return noise && !content;
    }

    /** The element whose paragraphs carry the most text, discounted by how much of it is link text. */
    private static Element bestContainer(Document doc) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : doc.select("p, pre, blockquote")) {
            String t = p.text();
            if (t.length() < 25) {
                continue;
            }
            double score = 1 + count(t, ',') + Math.min(t.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandParent = parent.parent();
                if (grandParent != null) {
                    scores.merge(grandParent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            if (s > bestScore) {
                best = e.getKey();
                bestScore = s;
            }
        }
        return best;
    }

    /** Paragraph blocks in document order (outermost only), link lists dropped, joined by blank lines. */
    private static String paragraphsOf(Element container) {
        Elements blocks = container.select(BLOCKS);
        List<String> paragraphs = new ArrayList<>();
        int covered = 0;
        Map<Element, Boolean> chosen = new IdentityHashMap<>();
        for (Element block : blocks) {
            if (hasChosenAncestor(block, container, chosen)) {
                continue;
            }
            chosen.put(block, Boolean.TRUE);
            String t = clean(block.text());
            covered += t.length();
            if (t.isEmpty() || (linkDensity(block) > 0.5 && t.length() < 200)) {
                continue;
            }
            paragraphs.add(t);
        }
        String all = clean(container.text());
        // text that is not in paragraph elements (e.g. lines separated by <br>) would be lost: take it whole
        if (covered < all.length() / 2) {
            return all.replaceAll("\n{3,}", "\n\n");
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean hasChosenAncestor(Element e, Element stop, Map<Element, Boolean> chosen) {
        for (Element a = e.parent(); a != null && a != stop; a = a.parent()) {
            if (chosen.containsKey(a)) {
                return true;
            }
        }
        return false;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
    }

    /** Whitespace collapsed per line; the line-break marker becomes '\n'. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split(LINE_BREAK, -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(WHITESPACE.matcher(line).replaceAll(" ").strip());
        }
        return sb.toString().strip();
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

    /** Flattens arrays and {@code @graph} lists into the objects they hold. */
    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
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
            fragment.select("br").forEach(br -> br.replaceWith(new TextNode(LINE_BREAK)));
            return paragraphsOf(fragment.body());
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

    // ---- metadata helpers

    /** ISO-8601 date-time (with offset) or date; other strings are ignored. */
    static String isoDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            OffsetDateTime.parse(t);
            return t;
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String meta(Document doc, String selector) {
        return attr(doc.selectFirst(selector), "content");
    }

    private static String attr(Element e, String name) {
        return e == null || !e.hasAttr(name) ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
