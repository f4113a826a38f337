package io.newsflow.articles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reader of page metadata: what ingest and enrichment each read before, in one list. */
class PageMetadataTest {

    @Test
    void readsTitleDateCanonicalUrlAndLanguage() {
        PageMetadata page = PageMetadata.read("""
                <html lang="en"><head><title>Haftar in Moscow | Inforos</title>
                <meta property="og:title" content="Haftar in Moscow">
                <meta property="article:published_time" content=" 2019-05-30T08:15:00+03:00 ">
                <link rel="canonical" href="/en/haftar"></head><body><h1>Other</h1></body></html>""",
                "https://inforos.ru/en/?id=1");
        assertThat(page.title()).isEqualTo("Haftar in Moscow");
        // as the page wrote it: ingest normalises it, enrichment keeps its local day
        assertThat(page.publishedAt()).isEqualTo("2019-05-30T08:15:00+03:00");
        assertThat(page.canonicalUrl()).isEqualTo("https://inforos.ru/en/haftar");
        assertThat(page.language()).isEqualTo("en");
    }

    @Test
    void theJsonLdHeadlineIsTheLastTitleAndNestedGraphsAreRead() {
        PageMetadata page = PageMetadata.read("<html><head><script type=\"application/ld+json\">[[{\"@graph\":[{\"@type\":\"WebPage\"},"
                + "[{\"@type\":\"NewsArticle\",\"headline\":\"Nested headline\",\"datePublished\":\"2019-05-30\"}]]}]]</script>"
                + "</head><body><p>x</p></body></html>", null);
        assertThat(page.title()).isEqualTo("Nested headline");
        assertThat(page.publishedAt()).isEqualTo("2019-05-30");
    }

    @Test
    void structuredDataComesBeforeGenericDateTagsWhoseNamesMatchInAnyCase() {
        String jsonLd = "<script type=\"application/ld+json\">{\"datePublished\":\"2019-05-30\"}</script>";
        assertThat(PageMetadata.read("<html><head><meta name=\"date\" content=\"2020-01-01\">" + jsonLd + "</head></html>", null)
                .publishedAt()).isEqualTo("2019-05-30");
        assertThat(PageMetadata.read("<html><head><meta name=\"dc.date.issued\" content=\"2018-02-03\"></head></html>", null)
                .publishedAt()).isEqualTo("2018-02-03");
        assertThat(PageMetadata.read("<html><head><meta name=\"dcterms.created\" content=\"2018-02-04\"></head></html>", null)
                .publishedAt()).isEqualTo("2018-02-04");
        assertThat(PageMetadata.read("<html><body><time pubdate datetime=\"2017-06-07\">7 June</time></body></html>", null)
                .publishedAt()).isEqualTo("2017-06-07");
    }

    @Test
    void anImpossibleDateGivesWayToTheNextOne() {
        PageMetadata page = PageMetadata.read("<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\">"
                + "<script type=\"application/ld+json\">{broken</script></head>"
                + "<body><article><time datetime=\"2019-05-30 10:00:00+0200\">30 May</time></article></body></html>", null);
        assertThat(page.publishedAt()).isEqualTo("2019-05-30 10:00:00+0200");
        assertThat(PageMetadata.read("", null)).isEqualTo(new PageMetadata(null, null, null, null));
    }
}
