package io.newsflow.events;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void sameExternalIdAndSourceGiveSameIdWhateverTheText() {
        String a = ArticleIds.derive("inforos", "42", "https://a.example/x", "Title", "one");
        String b = ArticleIds.derive("Inforos ", " 42", "https://b.example/y", "Other", "two");
        assertThat(a).isEqualTo(b);
        assertThat(UUID.fromString(a).version()).isEqualTo(5);
    }

    @Test
    void externalIdIsScopedBySource() {
        assertThat(ArticleIds.derive("a", "42", null, null, "x"))
                .isNotEqualTo(ArticleIds.derive("b", "42", null, null, "x"));
    }

    @Test
    void urlSpellingsOfOneArticleGiveOneId() {
        String id = ArticleIds.derive(null, null, "https://www.Example.com/news/1/?b=2&a=1&utm_source=x#top", null, "text");
        assertThat(ArticleIds.derive(null, null, "http://example.com/news/1?a=1&b=2", null, "other text")).isEqualTo(id);
        assertThat(ArticleIds.derive(null, null, "https://example.com/news/2", null, "text")).isNotEqualTo(id);
    }

    @Test
    void withoutIdOrUrlTheNormalisedContentDecides() {
        String id = ArticleIds.derive(null, null, null, "Moscow will support Haftar", "Body  text\n here");
        assertThat(ArticleIds.derive(null, "", " ", "moscow will  support haftar", "body text here")).isEqualTo(id);
        assertThat(ArticleIds.derive(null, null, null, "Moscow will support Haftar", "Body text changed")).isNotEqualTo(id);
    }

    @Test
    void idsAreStableAcrossReleases() {
        // A changed derivation would split stored articles from their re-submissions.
        assertThat(ArticleIds.derive("inforos", "42", null, null, null)).isEqualTo(ArticleIds.derive("inforos", "42", null, null, null));
        assertThat(ArticleIds.derive(null, null, "https://example.com/a", null, null))
                .isEqualTo("%s", ArticleIds.derive(null, null, "https://example.com/a/", null, null));
    }
}
