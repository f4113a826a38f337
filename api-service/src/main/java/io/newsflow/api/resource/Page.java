package io.newsflow.api.resource;

import io.newsflow.api.service.Slice;

import java.util.List;

/** A page of a list as the query API answers it: the items and the cursor of the next page (null: none). */
public record Page<T>(List<T> items, String next) {

    static <T> Page<T> of(Slice<T> slice) {
        return new Page<>(slice.items(), Cursor.after(slice.next()));
    }
}
