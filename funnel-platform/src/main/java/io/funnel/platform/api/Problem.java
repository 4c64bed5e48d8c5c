package io.funnel.platform.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RFC 9457 problem details; {@code errors} names each invalid field, {@code extensions} carry e.g. current state. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** Extensions are written beside these members, so a key named like one would appear twice in the body. */
    static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        more.keySet().stream().filter(MEMBERS::contains).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("Extension '" + key + "' would shadow the problem's own member");
        });
        return new Problem(type, title, status, detail, errors, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
