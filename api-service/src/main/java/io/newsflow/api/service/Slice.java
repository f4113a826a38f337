package io.newsflow.api.service;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read in keyset order: its items, and the position of its last item when more follow (null on
 * the last page). Keyset pages stay stable under concurrent inserts: a new row lands before or after the position,
 * never shifts it.
 */
public record Slice<T>(List<T> items, Position next) {

    /** Where a page ends: the sort value and the id of its last item. */
    public record Position(long sortValue, String id) {
    }

    /**
     * The page of {@code rows} read with one row more than {@code limit}: that extra row only tells that more follow.
     */
    static <R, T> Slice<T> of(List<R> rows, int limit, Function<R, T> item, Function<R, Position> position) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        return new Slice<>(page.stream().map(item).toList(), more ? position.apply(page.get(page.size() - 1)) : null);
    }
}
