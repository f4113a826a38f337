package io.newsflow.api.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.persistence.Tuple;

import java.util.List;

/**
 * An article's entities as article_entity holds them (V12), the one place they are stored: a link row per entity with
 * its name, type, subtype, place in the article's list and mentions ({@code [{"text", "start", "end"}]}, jsonb).
 */
final class EntityLinks {

    /**
     * The link columns an {@link #entity} is read from, for a query on article_entity aliased {@code ae}; the page the
     * entity is linked to is the entity's (V13), one for all its articles.
     */
    static final String COLUMNS = "ae.entity_key, ae.name, ae.type, ae.subtype, CAST(ae.mentions AS text) AS mentions, "
            + "(SELECT x.link_id FROM entity x WHERE x.key = ae.entity_key AND x.link_kb = 'wikipedia') AS link_id";

    private EntityLinks() {
    }

    /** The entity of a row holding {@link #COLUMNS}. */
    static Entity entity(Tuple row, ObjectMapper json) {
        return new Entity(Rows.text(row, "entity_key"), Rows.text(row, "name"), EntityType.valueOf(Rows.text(row, "type")),
                Rows.text(row, "subtype"), readMentions(json, Rows.text(row, "mentions")), link(Rows.text(row, "link_id")));
    }

    /** The Wikipedia page of a stored title (the only knowledge base stored), null for none. */
    static Entity.Link link(String wikipediaTitle) {
        return wikipediaTitle == null ? null : Entity.Link.wikipedia(wikipediaTitle);
    }

    static String writeMentions(ObjectMapper json, List<Entity.Mention> mentions) {
        try {
            return json.writeValueAsString(mentions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise mentions", e);
        }
    }

    private static List<Entity.Mention> readMentions(ObjectMapper json, String mentions) {
        try {
            return json.readValue(mentions, new TypeReference<List<Entity.Mention>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored mentions are not readable", e);
        }
    }
}
