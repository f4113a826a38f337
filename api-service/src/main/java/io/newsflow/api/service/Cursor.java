package io.newsflow.api.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort value and the id of the last item of a page. Keyset pagination
 * stays stable under concurrent inserts: a new row lands before or after the cursor, never shifts it.
 */
public record Cursor(long sortValue, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortValue + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made */
    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 1 || colon == raw.length() - 1) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw new IllegalArgumentException("not a cursor returned by this API", e);
        }
    }
}
