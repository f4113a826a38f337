package io.newsflow.api.service;

import io.newsflow.api.repository.EntityRepository;
import io.newsflow.api.repository.EntityRepository.EntityCounts;
import io.newsflow.api.service.Views.EntityDetail;
import io.newsflow.api.service.Views.EntitySummary;
import io.newsflow.api.service.Views.Page;
import io.newsflow.api.service.Views.RelatedEntity;
import io.newsflow.api.service.Views.TimelinePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** Reads canonical entities: the most-mentioned list and one entity with its neighbours and timeline. */
@ApplicationScoped
public class EntityQueries {

    private static final int RELATED_LIMIT = 25;

    private final EntityRepository entities;

    public EntityQueries(EntityRepository entities) {
        this.entities = entities;
    }

    @Transactional
    public Page<EntitySummary> list(String q, String type, int limit, Cursor cursor) {
        List<EntityCounts> rows = entities.list(q, type, cursor == null ? null : cursor.sortValue(),
                cursor == null ? null : cursor.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<EntityCounts> page = more ? rows.subList(0, limit) : rows;
        Map<String, List<String>> aliases = entities.aliases(page.stream().map(EntityCounts::key).toList());
        List<EntitySummary> items = page.stream().map(e -> new EntitySummary(e.key(), e.name(), e.type(),
                aliases.getOrDefault(e.key(), List.of()), e.articleCount(), e.mentionCount())).toList();
        String next = more ? new Cursor(page.get(page.size() - 1).mentionCount(), page.get(page.size() - 1).key()).encode() : null;
        return new Page<>(items, next);
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
