package dev.promesa.security;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one RFC 7807 problem document of the three services ({@code application/problem+json}): every error answer of
 * every API (a refused key, a bad field, an unknown ticket, Kafka not confirming) has this shape. {@code type} is a
 * Promesa problem type ({@value #TYPE_BASE}{@code <name>}), {@code detail} says what to change, {@code instance} the
 * path when it helps, {@code errors} every bad field of an invalid request. Empty members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiProblem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://promesa.dev/problems/";

    /** One thing wrong with a request: which field (JSON path, e.g. {@code events[2].requester.email}) and why. */
    public record FieldError(String field, String message) {
    }

    /** A problem of a Promesa type: {@code of(400, "invalid-event", "Invalid event", …)}. */
    public static ApiProblem of(int status, String type, String title, String detail) {
        return new ApiProblem(TYPE_BASE + type, title, status, detail, null, List.of());
    }

    /**
     * A problem named after its HTTP status, for the framework's own refusals: 404 → type {@code not-found}, title
     * {@code Not Found}.
     */
    public static ApiProblem of(Response.StatusType status, String detail) {
        String title = status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode() : status.getReasonPhrase();
        return of(status.getStatusCode(), title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title,
                detail);
    }

    /** The same problem naming the resource it concerns. */
    public ApiProblem at(String path) {
        return new ApiProblem(type, title, status, detail, path, errors);
    }

    /** The same problem listing the bad fields. */
    public ApiProblem withErrors(List<FieldError> fieldErrors) {
        return new ApiProblem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    /** The answer: this status, {@value #MEDIA_TYPE}, this body. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
