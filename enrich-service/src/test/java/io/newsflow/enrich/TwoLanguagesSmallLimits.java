package io.newsflow.enrich;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * NER for English and Spanish only, and small record and analysis limits: the test profile of
 * {@code EnrichLanguagesConfigTest} (which calls the enricher directly, on texts far below the limits) and of
 * {@code RecordLimitsTest} (whose articles are said to be English). Neither depends on the other's settings, and one
 * profile for both means one Quarkus start with a broker instead of two.
 */
public class TwoLanguagesSmallLimits implements QuarkusTestProfile {

    /** The producer's max.request.size of articles.enriched. */
    public static final int MAX_REQUEST_SIZE = 60_000;
    public static final int MAX_ANALYSED_CHARS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.enrich.languages", "en,es",
                "mp.messaging.outgoing.articles-enriched.max.request.size", String.valueOf(MAX_REQUEST_SIZE),
                "newsflow.enrich.max-analysed-chars", String.valueOf(MAX_ANALYSED_CHARS));
    }
}
