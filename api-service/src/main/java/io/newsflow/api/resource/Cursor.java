package io.newsflow.api.resource;

import io.newsflow.api.service.Slice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort value and the id of the last item of a page ({@link Slice.Position}), as the
 * {@code next} of one page and the {@code cursor} parameter of the next.
 */
public record Cursor(long sortValue, String id) {

    /** The cursor of the page after {@code last}; null when there is none. */
    static String after(Slice.Position last) {
        return last == null ? null : new Cursor(last.sortValue(), last.id()).encode();
    }

    /** Where the page this cursor asks for starts after. */
    Slice.Position position() {
        return new Slice.Position(sortValue, id);
    }

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
