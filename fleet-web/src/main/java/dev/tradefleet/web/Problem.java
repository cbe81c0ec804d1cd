package dev.tradefleet.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented (clients branch on it), {@code detail}
 * is for humans, {@code errors} names each bad field. Nothing internal (stack traces, SQL, class names)
 * ever goes in here.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tradefleet.dev/problems/";

    public record FieldError(String field, String message) {
    }

    /** The documented URI of a problem type, e.g. {@code type("validation")}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public Problem withContext(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }
}
