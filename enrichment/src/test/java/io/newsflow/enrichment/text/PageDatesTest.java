package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates read from a page follow PublishedDates' rule: outside its range (or unreadable) they are no date. */
class PageDatesTest {

    private static final String BODY = "<body><article><p>Marshal Khalifa Haftar met Sergei Shoigu in Moscow on Tuesday, "
            + "officials said, and the talks went on for hours.</p></article></body>";

    @Test
    void anImpossibleDateInMetaOrJsonLdGivesNoDate() {
        String meta = "<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\"></head>"
                + BODY + "</html>";
        String jsonLd = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"datePublished\":\"0001-01-01T00:00:00+01:00\"}</script></head>" + BODY + "</html>";
        assertThat(HtmlMainText.extract(meta).publishedAt()).isNull();
        assertThat(HtmlMainText.extract(jsonLd).publishedAt()).isNull();
    }

    @Test
    void anImpossibleDateGivesWayToTheNextSourceOfThePage() {
        String page = "<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\"></head>"
                + "<body><article><time datetime=\"2019-05-30\">30 May</time><p>Marshal Khalifa Haftar met Sergei Shoigu "
                + "in Moscow on Tuesday, officials said, and the talks went on for hours.</p></article></body></html>";
        assertThat(HtmlMainText.extract(page).publishedAt()).isEqualTo("2019-05-30");
    }

    @Test
    void jsonLdGraphsNestedInArraysAreRead() {
        String page = "<html><head><script type=\"application/ld+json\">[[{\"@graph\":[{\"@type\":\"WebPage\"},"
                + "[{\"@type\":\"NewsArticle\",\"headline\":\"Nested headline\",\"datePublished\":\"2019-05-30\"}]]}]]</script>"
                + "</head>" + BODY + "</html>";
        HtmlMainText.Result r = HtmlMainText.extract(page);
        assertThat(r.publishedAt()).isEqualTo("2019-05-30");
    }
}
