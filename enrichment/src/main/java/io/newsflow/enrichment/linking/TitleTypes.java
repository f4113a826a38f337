package io.newsflow.enrichment.linking;

import io.newsflow.enrichment.ner.PlaceNames;
import io.newsflow.events.EntityType;

import java.util.Locale;
import java.util.Set;

/**
 * What a page is about, as far as its own title says: the qualifier Wikipedia adds ("Georgia (U.S. state)",
 * "Jordan (footballer)", "Paris, Texas", "Tomahawk (band)"), or the title being a country or region's name.
 * Most titles say nothing ("United_States", "Vladimir_Putin"): then the type is unknown (null).
 */
final class TitleTypes {

    private static final Set<String> PERSON_WORDS = Set.of("politician", "footballer", "cricketer", "actor", "actress",
            "singer", "musician", "writer", "author", "poet", "painter", "artist", "journalist", "boxer", "wrestler",
            "player", "athlete", "coach", "manager", "bishop", "judge", "lawyer", "businessman", "businesswoman",
            "entrepreneur", "composer", "director", "producer", "scientist", "physicist", "chemist", "economist",
            "philosopher", "historian", "priest", "cyclist", "swimmer", "sprinter", "golfer", "jockey", "rapper",
            "comedian", "presenter", "broadcaster", "soldier", "officer", "admiral", "king", "queen", "prince",
            "princess", "emperor", "saint", "born", "died", "pitcher", "guitarist", "drummer", "bassist", "architect",
            "engineer", "mathematician", "sculptor", "photographer", "diplomat", "activist", "cardinal", "pope",
            "rugby", "sportsman", "racing", "driver", "designer", "novelist", "playwright", "dancer");
    private static final Set<String> PLACE_WORDS = Set.of("state", "country", "city", "town", "village", "county",
            "province", "region", "district", "river", "lake", "mountain", "island", "islands", "parish", "municipality",
            "suburb", "borough", "neighbourhood", "neighborhood", "valley", "peninsula", "prefecture", "department",
            "commune", "capital", "territory", "volcano", "bay", "sea", "desert", "governorate", "oblast", "canton");
    private static final Set<String> ORGANIZATION_WORDS = Set.of("band", "company", "club", "party", "organization",
            "organisation", "newspaper", "magazine", "university", "college", "school", "team", "airline", "bank",
            "label", "group", "brand", "corporation", "agency", "publisher", "f.c.", "retailer", "manufacturer");
    private static final Set<String> WORK_WORDS = Set.of("film", "album", "song", "novel", "book", "play", "series",
            "game", "single", "opera", "musical", "poem", "painting", "ep", "soundtrack", "episode", "ship", "aircraft",
            "car", "software", "comics", "character", "sculpture", "novella", "anthology", "horse", "dog");

    private TitleTypes() {
    }

    /** The type of the page as its title says it (a work counts as MISC), or null when the title does not say. */
    static EntityType of(String title) {
        TitleName name = TitleName.of(title);
        if (name.qualifier() != null) {
            EntityType byQualifier = byQualifier(name.qualifier(), title.contains("(") && title.endsWith(")"));
            if (byQualifier != null) {
                return byQualifier;
            }
        }
        return PlaceNames.region(name.name(), "en").isPresent() && name.qualifier() == null ? EntityType.LOCATION : null;
    }

    private static EntityType byQualifier(String qualifier, boolean inParentheses) {
        String q = qualifier.toLowerCase(Locale.ROOT);
        if (q.matches(".*\\b\\d{3,4}\\b.*") && (q.contains("born") || q.contains("died") || q.matches("\\d{3,4}\\s*[–-]\\s*\\d{3,4}"))) {
            return EntityType.PERSON;
        }
        for (String word : q.split("[\\s,/]+")) {
            if (PERSON_WORDS.contains(word)) {
                return EntityType.PERSON;
            }
            if (WORK_WORDS.contains(word)) {
                return EntityType.MISC;
            }
            if (ORGANIZATION_WORDS.contains(word)) {
                return EntityType.ORGANIZATION;
            }
            if (PLACE_WORDS.contains(word)) {
                return EntityType.LOCATION;
            }
        }
        // "Paris, Texas": a place within a place; "Ministry of Foreign Affairs (Russia)" is not one, so a country in
        // parentheses says nothing
        return inParentheses ? null : EntityType.LOCATION;
    }

    /** Whether a page of this type may be what an entity of the NER's type is (unknown fits anything). */
    static boolean fits(EntityType pageType, EntityType entityType) {
        return pageType == null || pageType == entityType
                // a country or place acting as a government or team is tagged ORGANIZATION ("U.S. officials")
                || pageType == EntityType.LOCATION && entityType == EntityType.ORGANIZATION
                // works, events and such are MISC, and the tagger often calls them organizations
                || pageType == EntityType.MISC && entityType == EntityType.ORGANIZATION
                || pageType == EntityType.ORGANIZATION && entityType == EntityType.MISC;
    }
}
