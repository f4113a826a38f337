package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.List;
import java.util.Set;

/**
 * Countries, continents and world regions are places, even where the model called them organizations. Some corpora tag a state
 * acting in the sentence as an organization (AnCora, behind CoreNLP's Spanish model: "Rusia y la Unión Europea
 * negocian" -> Rusia ORG; the Italian model likewise "La Russia e l'Unione europea negoziano"); its key would then be {@code organization:russia} beside the {@code location:russia}
 * of every other language. A mention whose whole text is such a name in some language ({@link PlaceNames}) becomes
 * a LOCATION; "Deutsche Bank", "Banco de España" or "Unión Europea" stay organizations.
 */
public final class CountryNames {

    /** ICU's "regions" that are organizations (or a currency union), as slugs of their English names: they stay as tagged. */
    private static final Set<String> ORGANIZATIONS = Set.of("european-union", "united-nations", "eurozone", "eu", "un");

    private CountryNames() {
    }

    /** The mentions with organization names that are countries retyped LOCATION. */
    public static List<RawMention> asPlaces(List<RawMention> mentions, String language) {
        return mentions.stream().map(m -> isCountryNamedOtherwise(m, language)
                ? new RawMention(EntityType.LOCATION, m.text(), m.start(), m.end()) : m).toList();
    }

    private static boolean isCountryNamedOtherwise(RawMention m, String language) {
        return m.type() == EntityType.ORGANIZATION
                && PlaceNames.region(m.text(), language).filter(english -> !ORGANIZATIONS.contains(EntityKeys.slug(english))).isPresent();
    }
}
