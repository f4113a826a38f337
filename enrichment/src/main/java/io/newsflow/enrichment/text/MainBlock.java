package io.newsflow.enrichment.text;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The main content block of a page's DOM, in the manner of Readability (Mozilla's readability.js, itself after
 * Arc90's) with boilerpipe's and trafilatura's density ideas:
 *
 * <ol>
 *   <li>drop what never holds article text: scripts, navigation, asides, footers, forms without prose, hidden
 *       elements ({@code hidden}, {@code aria-hidden}, {@code display:none}, screen-reader-only text), dialogs;</li>
 *   <li>drop elements whose class/id/role names them as chrome (comments, share bars, cookie banners, ...), unless
 *       they hold most of the page's prose (layout wrappers such as "has-sidebar" or "elementor-widget");</li>
 *   <li>turn runs of loose text (text between {@code <br>}s, text directly in a {@code div}) into paragraphs;</li>
 *   <li>score every paragraph (1 + commas + length, up to 3) into its ancestors (parent fully, grandparent half,
 *       further ancestors less), add class/id hints, discount by link density; the best candidate, moved up
 *       to a common ancestor when several good candidates share one;</li>
 *   <li>add the candidate's siblings that belong to the article (scored blocks, prose paragraphs);</li>
 *   <li>inside the result, drop blocks that look like chrome (link lists, image galleries, forms, short
 *       link-heavy boxes) and headings with chrome hints.</li>
 * </ol>
 *
 * <p>A first pass removes elements by their class names; when that leaves too little text (the article itself
 * carried a chrome-like class) the page is scored again without that step, and the longer result wins.
 */
final class MainBlock {

    static final String LINE_BREAK = "\u2028"; // survives jsoup's whitespace normalisation, becomes '\n'

    /** Passes that leave less text than this try again with fewer removals (Readability's 500 characters). */
    private static final int ENOUGH_TEXT = 500;
    private static final int MIN_PARAGRAPH = 25;
    /** Paragraph score below which class/tag bonuses are capped (about two paragraphs of prose). */
    private static final double MIN_TEXT_SCORE_FOR_BONUS = 8;

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\x0B\\f\\r\\n]+");
    private static final Pattern CLASS_TOKEN = Pattern.compile("[\\s_-]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern SCREEN_READER = Pattern.compile("(?i)(^|\\s)(sr-only|screen-reader-text|visually-?hidden|"
            + "element-invisible|hide-text|offscreen)(\\s|$)");
    private static final Pattern COMMA = Pattern.compile("[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]");

    /** class/id words that mark page chrome. */
    private static final Set<String> NOISE = Set.of("comment", "comments", "share", "sharing", "sharebar", "social",
            "related", "promo", "promotion", "advert", "advertisement", "ad", "ads", "adslot", "sidebar", "newsletter",
            "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "banner", "breadcrumb", "breadcrumbs",
            "menu", "nav", "navbar", "navigation", "footer", "header", "popup", "modal", "overlay", "widget", "sponsor",
            "sponsored", "recommended", "outbrain", "taboola", "disqus", "tags", "tag", "rating", "masthead", "signup",
            "login", "paywall", "toolbar", "pagination", "pager", "author", "byline", "meta", "caption", "credit",
            "tooltip", "image", "img", "photo", "gallery", "slideshow", "thumbnail", "popover", "rollover", "hovercard", "dropdown", "skip", "sitemap", "trending", "popular", "more", "next", "prev", "previous");
    /** Chrome words that win even on an element that also looks like content ("comment-body"). */
    private static final Set<String> STRONG_NOISE = Set.of("comment", "comments", "disqus", "outbrain", "taboola",
            "share", "sharing", "sharebar", "social", "newsletter", "cookie", "cookies", "consent", "gdpr", "advert",
            "advertisement", "related", "paywall", "signup");
    /** Long chrome words found inside run-together names ("relatedposts", "sharebuttons", "sidebarleft"). */
    private static final Pattern STRONG_NOISE_INSIDE = Pattern.compile("comment|disqus|outbrain|taboola|related|newsletter|"
            + "cookie|consent|advertis|paywall");
    private static final Pattern NOISE_INSIDE = Pattern.compile("sidebar|footer|header|banner|breadcrumb|navigation|navbar|"
            + "sponsor|subscri|popup|pagination|social|recommend|masthead|widget|promo");
    /** class/id words of embedded quotes: part of the story even when named after a social network. */
    private static final Set<String> EMBED = Set.of("embed", "embedded", "tweet");
    /** class/id words of content blocks: "entry-content has-ads" is still the article. */
    private static final Set<String> CONTENT = Set.of("article", "articlebody", "body", "content", "main", "entry",
            "post", "story", "text", "blog", "hentry", "page", "prose", "richtext");
    private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article");

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "summary", "html");
    /** Elements whose loose text runs become paragraphs. */
    private static final Set<String> WRAPPERS = Set.of("div", "section", "article", "main", "body", "center", "span");
    /** Text blocks, output one per paragraph. */
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, dt, dd";

    // selectors run once per element are parsed once: a page of 100,000 elements would otherwise parse them 100,000 times
    private static final Evaluator TEXT_BLOCKS = QueryParser.parse(BLOCKS);
    private static final Evaluator PROSE_BLOCKS = QueryParser.parse("p, pre, blockquote");
    private static final Evaluator SCORED_BLOCKS = QueryParser.parse("p, pre, td, blockquote");
    private static final Evaluator CLEANED = QueryParser.parse("form, fieldset, table, ul, ol, div, section, header, article");
    private static final Evaluator ARTICLE_MARKERS = QueryParser.parse("article, main, [itemprop=articleBody]");
    private static final Evaluator BLOCKQUOTE = QueryParser.parse("blockquote");
    private static final Evaluator P = QueryParser.parse("p");
    private static final Evaluator IMG = QueryParser.parse("img");
    private static final Evaluator LI = QueryParser.parse("li");
    private static final Evaluator INPUT = QueryParser.parse("input");
    private static final Evaluator A = QueryParser.parse("a");

    /** The main text of {@code doc} (modified), paragraphs separated by blank lines; "" when there is none. */
    static String text(Document doc) {
        doc.select("br").forEach(br -> br.replaceWith(new TextNode(LINE_BREAK)));
        doc.select("script, style, noscript, template, nav, aside, footer, iframe, svg, canvas, button, input, select, "
                + "textarea, figure, picture, video, audio, object, embed, dialog, [hidden], [aria-hidden=true], "
                + "[aria-modal=true], [role~=^(navigation|banner|contentinfo|complementary|dialog|alertdialog|menu|menubar|search)$]")
                .remove();
        for (Element e : doc.select("[style], [class]")) {
            if (!PROTECTED.contains(e.normalName()) && (HIDDEN_STYLE.matcher(e.attr("style")).find()
                    || SCREEN_READER.matcher(e.className()).find())) {
                e.remove();
            }
        }
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        // header and form elements hold the article on some sites (a page-wide ASP.NET form): drop the small ones
        int bodyLength = body.text().length();
        for (Element e : doc.select("header, form")) {
            if (e.parent() != null && e.text().length() < bodyLength / 3) {
                e.remove();
            }
        }
        String best = "";
        for (boolean stripChrome : new boolean[] {true, false}) {
            Document copy = stripChrome ? doc.clone() : doc;
            String t = pass(copy, stripChrome);
            // without the chrome filter a page always yields more text: take it only when the filter cost the article
            if (t.length() > 2 * best.length()) {
                best = t;
            }
            if (best.length() >= ENOUGH_TEXT) {
                break;
            }
        }
        return best;
    }

    private static String pass(Document doc, boolean stripChrome) {
        return new MainBlock(doc.body()).run(stripChrome);
    }

    /** Prose characters under each element (paragraphs of some length that are not mostly links). */
    private final Map<Element, Integer> prose = new IdentityHashMap<>();
    private final Element body;
    private final int pageProse;

    private MainBlock(Element body) {
        this.body = body;
        for (Element p : body.select(PROSE_BLOCKS)) {
            String t = p.text();
            if (t.length() >= 80 && linkDensity(p) < 0.3 && p.select(PROSE_BLOCKS).size() == 1) {
                for (Element a = p; a != null; a = a.parent()) {
                    prose.merge(a, t.length(), Integer::sum);
                }
            }
        }
        pageProse = prose.getOrDefault(body, 0);
    }

    private String run(boolean stripChrome) {
        if (stripChrome) {
            for (Element e : body.select("[class], [id]")) {
                if (PROTECTED.contains(e.normalName()) || !isAncestor(body, e)) {
                    continue; // removed with an ancestor already
                }
                Hint h = hint(e);
                if (h == Hint.STRONG_NOISE || (h == Hint.NOISE && !holdsTheArticle(e))) {
                    e.remove();
                }
            }
        }
        wrapLooseText(body);
        Map<Element, Double> scores = score(body);
        Element top = topCandidate(body, scores);
        List<Element> parts = withSiblings(top, scores);
        StringBuilder sb = new StringBuilder();
        for (Element part : parts) {
            cleanConditionally(part, scores);
            String t = paragraphsOf(part);
            if (!t.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    // ---- class / id hints

    enum Hint { CONTENT, NEUTRAL, NOISE, STRONG_NOISE }

    static Hint hint(Element e) {
        boolean noise = false;
        boolean content = false;
        String names = e.className() + " " + e.id() + " " + e.attr("itemprop") + " " + e.attr("role");
        boolean strong = false;
        boolean embed = false;
        for (String token : CLASS_TOKEN.split(names)) {
            String t = token.toLowerCase(Locale.ROOT);
            strong |= STRONG_NOISE.contains(t) || STRONG_NOISE_INSIDE.matcher(t).find();
            noise |= NOISE.contains(t) || NOISE_INSIDE.matcher(t).find();
            content |= CONTENT.contains(t);
            embed |= EMBED.contains(t);
        }
        if (embed && !e.select(BLOCKQUOTE).isEmpty()) {
            return content ? Hint.CONTENT : Hint.NEUTRAL; // an embedded post (a tweet quoted in the story), even on "social-embed"
        }
        return strong ? Hint.STRONG_NOISE : content ? Hint.CONTENT : noise ? Hint.NOISE : Hint.NEUTRAL;
    }

    /** Readability's class weight; a chrome-named layout wrapper around the article weighs nothing. */
    private double classWeight(Element e) {
        return switch (hint(e)) {
            case CONTENT -> 25;
            case NOISE -> holdsTheArticle(e) ? 0 : -25;
            case STRONG_NOISE -> -50;
            case NEUTRAL -> 0;
        };
    }

    /** A chrome-named element that holds the article or most of the page's prose is a layout wrapper, not chrome. */
    private boolean holdsTheArticle(Element e) {
        if (!e.select(ARTICLE_MARKERS).isEmpty()) {
            return true;
        }
        return pageProse > 0 && prose.getOrDefault(e, 0) * 2 > pageProse;
    }

    // ---- loose text to paragraphs

    /** Runs of text and inline elements in block containers become {@code <p>} elements (Readability's div-to-p). */
    private static void wrapLooseText(Element body) {
        Map<Element, Boolean> hasBlock = new IdentityHashMap<>();
        markBlocks(body, hasBlock);
        List<Element> containers = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (WRAPPERS.contains(e.normalName()) && hasBlock.get(e) == Boolean.TRUE) {
                containers.add(e);
            }
        }
        for (Element e : containers) {
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(e.childNodes())) {
                boolean inline = child instanceof TextNode
                        || (child instanceof Element c && !BLOCK_TAGS.contains(c.normalName()) && hasBlock.get(c) != Boolean.TRUE);
                if (inline) {
                    run.add(child);
                } else {
                    wrap(run);
                    run.clear();
                }
            }
            wrap(run);
        }
        // a div (or section) with only inline content is a paragraph
        for (Element e : body.select("div, section, center")) {
            if (hasBlock.get(e) != Boolean.TRUE && !e.text().isBlank()) {
                boolean stillInline = e.children().stream().noneMatch(c -> BLOCK_TAGS.contains(c.normalName()));
                if (stillInline) {
                    e.tagName("p");
                }
            }
        }
    }

    /** Whether each element holds a block element, children before parents (a walk without recursion). */
    private static void markBlocks(Element root, Map<Element, Boolean> hasBlock) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                // decided on the way back up, once the children are known
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    boolean any = false;
                    for (Element c : e.children()) {
                        any |= hasBlock.get(c) == Boolean.TRUE || BLOCK_TAGS.contains(c.normalName());
                    }
                    hasBlock.put(e, any);
                }
            }
        }, root);
    }

    private static void wrap(List<Node> run) {
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            text.append(n instanceof TextNode t ? t.text() : ((Element) n).text());
        }
        if (text.toString().replace(LINE_BREAK, " ").isBlank()) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            n.remove();
            p.appendChild(n);
        }
    }

    // ---- scoring

    private Map<Element, Double> score(Element body) {
        Map<Element, Double> fromText = new IdentityHashMap<>();
        for (Element p : body.select(SCORED_BLOCKS)) {
            if (p.select(SCORED_BLOCKS).size() > 1) {
                continue; // a container of paragraphs, scored through them
            }
            String t = p.text();
            if (t.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + count(COMMA, t) + Math.min(t.length() / 100, 3);
            int level = 0;
            for (Element a = p.parent(); a != null && level < 5; a = a.parent(), level++) {
                if (a.normalName().equals("html") || a.normalName().equals("#root")) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                fromText.merge(a, score / divider, Double::sum);
            }
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> e : fromText.entrySet()) {
            double text = e.getValue();
            double initial = initialScore(e.getKey());
            // a content class name does not make a one-line box (a title wrapper) the article
            if (initial > 0 && text < MIN_TEXT_SCORE_FOR_BONUS) {
                initial = Math.min(initial, 5);
            }
            scores.put(e.getKey(), (text + initial) * (1 - linkDensity(e.getKey())));
        }
        return scores;
    }

    private double initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.normalName().equals("article") || e.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")) {
            s += 10;
        }
        return s + classWeight(e);
    }

    private Element topCandidate(Element body, Map<Element, Double> scores) {
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        if (ranked.isEmpty() || ranked.get(0) == body) {
            return body;
        }
        Element top = ranked.get(0);
        double topScore = scores.get(top);
        // several good candidates under one ancestor: the ancestor is the article (split-up text)
        List<Element> close = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (scores.get(ranked.get(i)) / topScore >= 0.75) {
                close.add(ranked.get(i));
            }
        }
        if (close.size() >= 3) {
            for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
                int contained = 0;
                for (Element c : close) {
                    if (isAncestor(a, c)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = a;
                    break;
                }
            }
        }
        scores.putIfAbsent(top, initialScore(top));
        // climb while the parent scores better (the text was spread over sub-blocks)
        double lastScore = scores.get(top);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double ps = scores.get(parent);
            if (ps == null) {
                continue;
            }
            if (ps < threshold) {
                break;
            }
            if (ps > lastScore) {
                top = parent;
                break;
            }
            lastScore = ps;
        }
        // an only child: its parent may hold the siblings of the text (captions, headings)
        while (top.parent() != null && top.parent() != body && top.parent().children().size() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element a, Element e) {
        for (Element x = e.parent(); x != null; x = x.parent()) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    /** The candidate and the siblings that belong to the article, in document order (Readability's sibling step). */
    private List<Element> withSiblings(Element top, Map<Element, Double> scores) {
        List<Element> parts = new ArrayList<>();
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            parts.add(top);
            return parts;
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
            Double s = scores.get(sibling);
            if (s != null && s + bonus >= threshold && hint(sibling) != Hint.NOISE && hint(sibling) != Hint.STRONG_NOISE) {
                parts.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                String t = sibling.text();
                double ld = linkDensity(sibling);
                if ((t.length() > 80 && ld < 0.25) || (!t.isEmpty() && ld == 0 && t.matches("(?s).*\\.( .*)?$"))) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    // ---- cleaning the chosen block

    /** Readability's conditional cleaning: link lists, galleries, forms and small link-heavy boxes go. */
    private void cleanConditionally(Element root, Map<Element, Double> scores) {
        List<Element> candidates = root.select(CLEANED);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Element e = candidates.get(i);
            if (e == root || !isAncestor(root, e)) {
                continue;
            }
            int eProse = prose.getOrDefault(e, 0);
            if (eProse > 0 && eProse * 2 > prose.getOrDefault(root, 0)) {
                continue; // most of the article's prose is in there
            }
            if (e.normalName().equals("article") && e.parents().stream().anyMatch(a -> a.normalName().equals("article"))) {
                e.remove(); // an article inside an article is a related one or a comment (HTML's own definition)
                continue;
            }
            double weight = classWeight(e);
            if (weight + scores.getOrDefault(e, 0.0) < 0 && weight < 0) {
                e.remove();
                continue;
            }
            if (e.childNodeSize() == 0) {
                continue; // nothing in it: every rule below keeps it (cheap on pages of many empty boxes)
            }
            String text = e.text();
            if (count(COMMA, text) >= 10) {
                continue;
            }
            if (isQuote(e)) {
                continue; // a quoted post (an embedded tweet): its links are part of the quote
            }
            boolean isList = e.normalName().equals("ul") || e.normalName().equals("ol");
            int p = e.select(P).size();
            int img = e.select(IMG).size();
            int li = e.select(LI).size() - 100;
            int input = e.select(INPUT).size();
            double ld = linkDensity(e);
            int length = text.length();
            boolean dataTable = e.normalName().equals("table") && ld < 0.3;
            if (dataTable) {
                continue;
            }
            boolean remove = (img > 1 && (double) p / img < 0.5)
                    || (!isList && li > p)
                    || (input > p / 3)
                    || (!isList && length < MIN_PARAGRAPH && (img == 0 || img > 2) && ld > 0)
                    || (!isList && weight < 25 && ld > 0.2 && length < 1000)
                    || (weight >= 25 && ld > 0.5)
                    || (isList && ld > 0.5 && weight <= 0);
            if (remove) {
                e.remove();
            }
        }
        for (Element h : root.select("h1, h2, h3, h4, h5, h6")) {
            if (classWeight(h) < 0 || linkDensity(h) > 0.33) {
                h.remove();
            }
        }
    }

    /** Text blocks in document order (outermost only), link lists dropped, joined by blank lines. */
    static String paragraphsOf(Element container) {
        if (container.is(TEXT_BLOCKS)) {
            return clean(container.text());
        }
        List<String> paragraphs = new ArrayList<>();
        int covered = 0;
        Map<Element, Boolean> chosen = new IdentityHashMap<>();
        boolean text = false;
        for (Element block : container.select(TEXT_BLOCKS)) {
            if (hasChosenAncestor(block, container, chosen)) {
                continue;
            }
            chosen.put(block, Boolean.TRUE);
            String t = clean(block.normalName().equals("tr") ? cells(block) : block.text());
            covered += t.length();
            if (t.isEmpty() || (linkDensity(block) > 0.5 && t.length() < 500 && !isQuote(block))) {
                continue;
            }
            if (block.normalName().equals("h1") && !text) {
                continue; // the headline; an h1 after the text has begun is a section heading (some sites use h1 so)
            }
            text |= !block.normalName().matches("h[1-6]");
            paragraphs.add(t);
        }
        String all = clean(container.text());
        // text that is not in paragraph elements would be lost: take it whole
        if (covered < all.length() / 2) {
            return all.replaceAll("\n{3,}", "\n\n");
        }
        return String.join("\n\n", paragraphs);
    }

    /** A blockquote, or an element whose text is mostly in blockquotes. */
    private static boolean isQuote(Element e) {
        int quoted = 0;
        for (Element q : e.select(BLOCKQUOTE)) {
            if (!q.parents().stream().anyMatch(a -> a.normalName().equals("blockquote"))) {
                quoted += q.text().length();
            }
        }
        return quoted > 0 && quoted * 10 >= e.text().length() * 8;
    }

    private static String cells(Element row) {
        StringBuilder sb = new StringBuilder();
        for (Element cell : row.children()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(cell.text());
        }
        return sb.toString();
    }

    private static boolean hasChosenAncestor(Element e, Element stop, Map<Element, Boolean> chosen) {
        for (Element a = e.parent(); a != null && a != stop; a = a.parent()) {
            if (chosen.containsKey(a)) {
                return true;
            }
        }
        return false;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        double links = 0;
        for (Element a : e.select(A)) {
            String href = a.attr("href");
            // in-page links (footnotes, "#section") count less: they are part of the text
            links += a.text().length() * (href.startsWith("#") ? 0.3 : 1);
        }
        return Math.min(1.0, links / total);
    }

    /** Whitespace collapsed per line; the line-break marker becomes '\n'. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split(LINE_BREAK, -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(WHITESPACE.matcher(line).replaceAll(" ").strip());
        }
        return sb.toString().strip();
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        var m = p.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
