package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A canonical entity of one article with all its mentions.
 *
 * @param key     canonical key, e.g. {@code person:khalifa-haftar}; the same entity gets the same key across articles
 * @param type    PERSON, ORGANIZATION, LOCATION or MISC
 * @param subtype optional finer type (COUNTRY, CITY, NATIONALITY...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entity(
        String key,
        String name,
        EntityType type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String subtype,
        List<Mention> mentions) {

    public Entity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** One occurrence in the article text; offsets in UTF-16 code units, end exclusive. */
    public record Mention(String text, int start, int end) {
    }
}
