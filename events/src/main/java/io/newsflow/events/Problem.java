package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An {@code application/problem+json} error body (RFC 9457), the one error shape of every Newsflow
 * HTTP answer. {@code errors} lists invalid fields or parameters for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem fully described by its status code ({@code type} is {@code about:blank}). */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** One invalid field or parameter and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
