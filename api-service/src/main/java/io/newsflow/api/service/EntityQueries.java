package io.newsflow.api.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.api.repository.EntityRepository;
import io.newsflow.api.repository.EntityRepository.EntityCounts;
import io.newsflow.events.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Reads canonical entities: the most-mentioned list and one entity with its neighbours and timeline. */
@ApplicationScoped
public class EntityQueries {

    /** {@code link}: the knowledge-base page the entity is (CONTRACT v1.1), left out when it has none. */
    public record EntitySummary(String key, String name, String type, List<String> aliases, long articleCount, long mentionCount,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "the Wikipedia page the entity is; absent when it is linked to none")
                                Entity.Link link) {
    }

    public record RelatedEntity(String key, String name, String type, long articleCount) {
    }

    public record TimelinePoint(String date, long articles) {
    }

    public record EntityDetail(String key, String name, String type, List<String> aliases, long articleCount,
                               long mentionCount, List<RelatedEntity> related, List<TimelinePoint> timeline,
                               List<TimelinePoint> mentionedTimeline,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "the Wikipedia page the entity is; absent when it is linked to none")
                               Entity.Link link) {
    }

    private static final int RELATED_LIMIT = 25;

    private final EntityRepository entities;

    public EntityQueries(EntityRepository entities) {
        this.entities = entities;
    }

    /** Most mentioned first; {@code after}: the mention count and the key of the previous page's last entity. */
    @Transactional
    public Slice<EntitySummary> list(String q, String type, int limit, Slice.Position after) {
        List<EntityCounts> rows = entities.list(q, type, after == null ? null : after.sortValue(),
                after == null ? null : after.id(), limit + 1);
        Slice<EntityCounts> page = Slice.of(rows, limit, e -> e, last -> new Slice.Position(last.mentionCount(), last.key()));
        List<String> keys = page.items().stream().map(EntityCounts::key).toList();
        Map<String, List<String>> aliases = entities.aliases(keys);
        Map<String, Entity.Link> links = entities.links(keys);
        return new Slice<>(page.items().stream().map(e -> new EntitySummary(e.key(), e.name(), e.type(),
                aliases.getOrDefault(e.key(), List.of()), e.articleCount(), e.mentionCount(), links.get(e.key()))).toList(),
                page.next());
    }

    @Transactional
    public EntityDetail get(String requestedKey) {
        EntityCounts e = entities.find(requestedKey).orElseThrow(() -> new NotFoundException("No entity with key " + requestedKey));
        String key = e.key(); // a merged entity answers for its old keys too
        return new EntityDetail(e.key(), e.name(), e.type(), entities.aliases(List.of(key)).getOrDefault(key, List.of()),
                e.articleCount(), e.mentionCount(),
                entities.related(key, RELATED_LIMIT).stream()
                        .map(r -> new RelatedEntity(r.key(), r.name(), r.type(), r.articleCount())).toList(),
                points(entities.timeline(key)), points(entities.mentionedTimeline(key)), entities.links(List.of(key)).get(key));
    }

    private static List<TimelinePoint> points(List<EntityRepository.MonthCount> months) {
        return months.stream().map(m -> new TimelinePoint(m.month(), m.articles())).toList();
    }
}
