package io.newsflow.ingest.service;

import io.newsflow.events.PublishedDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What ingest reads from a web page before handing it on: title, publication date, canonical URL,
 * language, and the visible text (for the content id). Main-text extraction is enrichment's job.
 */
public record PageMetadata(String title, String publishedAt, String canonicalUrl, String language, String visibleText) {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]",
        "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publishdate]",
        "meta[name=DC.date.issued]", "meta[name=dcterms.date]", "meta[name=parsely-pub-date]",
        "meta[name=sailthru.date]", "meta[property=og:published_time]"
    };

    public static PageMetadata read(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        return new PageMetadata(title(doc), publishedAt(doc).orElse(null),
                firstNonBlank(doc.select("link[rel=canonical]").attr("abs:href"), doc.select("meta[property=og:url]").attr("content")),
                blankToNull(doc.select("html").attr("lang")),
                doc.body() == null ? "" : doc.body().text());
    }

    private static String title(Document doc) {
        Element h1 = doc.selectFirst("h1");
        return firstNonBlank(doc.select("meta[property=og:title]").attr("content"), doc.title(), h1 == null ? null : h1.text());
    }

    /**
     * The first date the page declares: meta tags, then JSON-LD, then a {@code <time>} element. A declared date that
     * does not parse or lies outside the storable range ({@link PublishedDates#storableLenient}) is passed over: a
     * page's impossible date is no date, never a reason to refuse the page.
     */
    private static Optional<String> publishedAt(Document doc) {
        Stream<String> metas = Stream.of(DATE_META).map(q -> doc.select(q).attr("content"));
        Stream<String> jsonLd = doc.select("script[type=application/ld+json]").stream()
                .map(s -> jsonLdDatePublished(s.data()));
        Stream<String> times = doc.select("article time[datetime], time[itemprop=datePublished], time[pubdate]").stream()
                .map(t -> t.attr("datetime"));
        return Stream.of(metas, jsonLd, times).flatMap(s -> s)
                .map(PublishedDates::storableLenient)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String jsonLdDatePublished(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode found = node == null ? null : node.findValue("datePublished");
            return found != null && found.isTextual() ? found.asText() : null;
        } catch (Exception e) {
            return null; // broken JSON-LD is common on the web; other sources may still give the date
        }
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
