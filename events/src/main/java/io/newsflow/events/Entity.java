package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A canonical entity of one article with all its mentions.
 *
 * @param key     canonical key, e.g. {@code person:khalifa-haftar}; the same entity gets the same key across articles
 * @param type    PERSON, ORGANIZATION, LOCATION or MISC
 * @param subtype optional finer type (COUNTRY, CITY, NATIONALITY...)
 * @param link    the knowledge-base page the entity is, when the linker was sure; null (left out of the JSON) otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entity(
        String key,
        String name,
        EntityType type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subtype,
        List<Mention> mentions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Link link) {

    public Entity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** An entity not linked to a knowledge base. */
    public Entity(String key, String name, EntityType type, String subtype, List<Mention> mentions) {
        this(key, name, type, subtype, mentions, null);
    }

    /** The same entity with another key (e.g. after a merge), link kept. */
    public Entity withKey(String newKey) {
        return new Entity(newKey, name, type, subtype, mentions, link);
    }

    /** The same entity linked to a page. */
    public Entity withLink(Link newLink) {
        return new Entity(key, name, type, subtype, mentions, newLink);
    }

    /** One occurrence in the article text; offsets in UTF-16 code units, end exclusive. */
    public record Mention(String text, int start, int end) {
    }

    /**
     * A knowledge-base page (CONTRACT.md "Additions (v1.1)").
     *
     * @param kb  the knowledge base, {@code wikipedia}
     * @param id  the page's title with underscores, e.g. {@code United_States}
     * @param url where a reader opens it
     */
    public record Link(String kb, String id, String url) {

        public static final String WIKIPEDIA = "wikipedia";

        /** The English Wikipedia page of a title ("United States" or "United_States"). */
        public static Link wikipedia(String title) {
            String id = title.strip().replace(' ', '_');
            try {
                // the multi-argument URI constructor escapes what a path may not hold (non-ASCII, '?', '#', '%')
                return new Link(WIKIPEDIA, id, new URI("https", "en.wikipedia.org", "/wiki/" + id, null).toASCIIString());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a page title: " + title, e);
            }
        }

        /** The {@code entity=} filter form of this link, e.g. {@code wikipedia:United_States}. */
        public String filterValue() {
            return kb + ":" + id;
        }
    }
}
