package dev.promesa.notifier.api;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors as RFC 7807 problem documents, so a caller reads what to change instead of an empty 400/404. */
public class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The problem document; {@code detail} says what was wrong and how to fix it. */
    public record Problem(String type, String title, int status, String detail) {
    }

    @ServerExceptionMapper
    public Response clientError(ClientErrorException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Response.status(status.getStatusCode())
                .type(PROBLEM_JSON)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage()))
                .build();
    }
}
