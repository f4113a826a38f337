package io.newsflow.api.service;

import io.newsflow.api.repository.EntityRepository;
import io.newsflow.api.repository.EntityRepository.EntityCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** Reads canonical entities: the most-mentioned list and one entity with its neighbours and timeline. */
@ApplicationScoped
public class EntityQueries {

    public record EntitySummary(String key, String name, String type, List<String> aliases, long articleCount, long mentionCount) {
    }

    public record RelatedEntity(String key, String name, String type, long articleCount) {
    }

    public record TimelinePoint(String date, long articles) {
    }

    public record EntityDetail(String key, String name, String type, List<String> aliases, long articleCount,
                               long mentionCount, List<RelatedEntity> related, List<TimelinePoint> timeline,
                               List<TimelinePoint> mentionedTimeline) {
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
        Map<String, List<String>> aliases = entities.aliases(page.items().stream().map(EntityCounts::key).toList());
        return new Slice<>(page.items().stream().map(e -> new EntitySummary(e.key(), e.name(), e.type(),
                aliases.getOrDefault(e.key(), List.of()), e.articleCount(), e.mentionCount())).toList(), page.next());
    }

    @Transactional
    public EntityDetail get(String requestedKey) {
        EntityCounts e = entities.find(requestedKey).orElseThrow(() -> new NotFoundException("No entity with key " + requestedKey));
        String key = e.key(); // a merged entity answers for its old keys too
        return new EntityDetail(e.key(), e.name(), e.type(), entities.aliases(List.of(key)).getOrDefault(key, List.of()),
                e.articleCount(), e.mentionCount(),
                entities.related(key, RELATED_LIMIT).stream()
                        .map(r -> new RelatedEntity(r.key(), r.name(), r.type(), r.articleCount())).toList(),
                points(entities.timeline(key)), points(entities.mentionedTimeline(key)));
    }

    private static List<TimelinePoint> points(List<EntityRepository.MonthCount> months) {
        return months.stream().map(m -> new TimelinePoint(m.month(), m.articles())).toList();
    }
}
