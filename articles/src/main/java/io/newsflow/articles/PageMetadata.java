package io.newsflow.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.PublishedDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a web page says about itself: title, publication date, canonical URL and language. The one reader of page
 * metadata: ingest takes a page's title, date and URL from it, enrichment its title and date (the main text is
 * enrichment's own job).
 *
 * @param publishedAt the first date the page declares that {@link PublishedDates} reads and can store, as the page
 *                    wrote it: ingest normalises it ({@link PublishedDates#storableLenient}), enrichment keeps its
 *                    local day ({@link PublishedDates#keepingLocalDay})
 */
public record PageMetadata(String title, String publishedAt, String canonicalUrl, String language) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Publication-date meta tags, the most specific first; attribute values match whatever their case. */
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]");
    /** Generic date meta tags: after the page's structured data (JSON-LD), which is more often right. */
    private static final List<String> GENERIC_DATE_META = List.of(
            "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=date]",
            "meta[name=DC.date.issued]", "meta[name=dcterms.date]", "meta[name=dcterms.created]",
            "meta[name=parsely-pub-date]", "meta[name=sailthru.date]", "meta[property=og:published_time]");
    private static final List<String> DATE_TIME_ELEMENTS = List.of(
            "time[itemprop=datePublished][datetime]", "article time[datetime]", "time[pubdate][datetime]");

    /** Reads a page; relative canonical links are resolved against {@code baseUrl} when given. */
    public static PageMetadata read(String html, String baseUrl) {
        return of(Jsoup.parse(html == null ? "" : html, baseUrl == null ? "" : baseUrl));
    }

    /** Reads a page parsed already. */
    public static PageMetadata of(Document doc) {
        List<JsonNode> jsonLd = jsonLd(doc);
        return new PageMetadata(title(doc, jsonLd), publishedAt(doc, jsonLd).orElse(null),
                firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"), attr(doc, "meta[property=og:url]", "content")),
                blankToNull(attr(doc, "html", "lang")));
    }

    private static String title(Document doc, List<JsonNode> jsonLd) {
        Element h1 = doc.selectFirst("h1");
        return firstNonBlank(attr(doc, "meta[property=og:title]", "content"), doc.title(), h1 == null ? null : h1.text(),
                jsonLd.stream().flatMap(n -> n.findValues("headline").stream()).filter(JsonNode::isTextual)
                        .map(JsonNode::asText).filter(s -> !s.isBlank()).findFirst().orElse(null));
    }

    /**
     * The first date the page declares: specific meta tags, JSON-LD {@code datePublished}, generic meta tags, then a
     * {@code <time>} element. A declared date that does not parse or lies outside the storable range is passed over:
     * a page's impossible date is no date, never a reason to refuse the page.
     */
    private static Optional<String> publishedAt(Document doc, List<JsonNode> jsonLd) {
        Stream<String> metas = DATE_META.stream().map(q -> attr(doc, q, "content"));
        Stream<String> structured = jsonLd.stream().flatMap(n -> n.findValues("datePublished").stream())
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        Stream<String> genericMetas = GENERIC_DATE_META.stream().map(q -> attr(doc, q, "content"));
        Stream<String> times = DATE_TIME_ELEMENTS.stream().map(q -> attr(doc, q, "datetime"));
        return Stream.of(metas, structured, genericMetas, times).flatMap(s -> s)
                .filter(d -> d != null && PublishedDates.storableLenient(d).isPresent())
                .map(String::strip)
                .findFirst();
    }

    private static List<JsonNode> jsonLd(Document doc) {
        return doc.select("script[type=application/ld+json]").stream().map(s -> {
            try {
                return JSON.readTree(s.data());
            } catch (Exception e) {
                return null; // broken JSON-LD is common on the web; other sources may still give the data
            }
        }).filter(n -> n != null).toList();
    }

    /** The attribute of the first element that has it, or null. */
    private static String attr(Document doc, String selector, String attribute) {
        String key = attribute.startsWith("abs:") ? attribute.substring(4) : attribute;
        for (Element e : doc.select(selector)) {
            if (e.hasAttr(key)) {
                return e.attr(attribute);
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
