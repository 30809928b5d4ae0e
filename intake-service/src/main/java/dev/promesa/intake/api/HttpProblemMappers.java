package dev.promesa.intake.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The framework's own refusals, answered as problem+json like every other error of this API. */
public class HttpProblemMappers {
    private static final Logger LOG = Logger.getLogger(HttpProblemMappers.class);

    private final Problems problems;

    public HttpProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return problems.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Send the body as JSON with Content-Type: application/json.", List.of(),
                "unsupported-media-type");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problems.response(Response.Status.NOT_FOUND, "not-found", "Not found",
                "No such resource. The intake API is POST /api/v1/tickets, "
                        + "POST /api/v1/tickets/{ticketId}/interactions, POST /api/v1/events and, for help desks' own "
                        + "webhooks, POST /api/v1/webhooks/{desk}/{source}.",
                List.of(), "not-found");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e) {
        Response problem = problems.response(Response.Status.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", "This resource takes " + e.getResponse().getAllowedMethods()
                        + "; every intake endpoint is a POST.",
                List.of(), "method-not-allowed");
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return problems.response(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This API answers application/json (problem details as application/problem+json); "
                        + "send Accept: application/json or leave Accept out.",
                List.of(), "not-acceptable");
    }

    /** Our own refusals already carry a problem; the framework's others get one naming their status. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() || original.getStatus() < 400) {
            return original;
        }
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        if (status >= 500) {
            LOG.errorf(e, "Answering %d", status);
        }
        return problems.response(status, "http-" + status, reason == null ? "HTTP " + status : reason,
                "The request was refused with " + status + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                List.of(), "http-" + status);
    }

    /**
     * Whatever escaped every check is our bug, not the caller's: a 500 problem with an id to quote, the details in
     * our log only.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, error id %s", errorId);
        return problems.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Promesa could not process this request (error id " + errorId + "). Retrying the same "
                        + "request is safe (same event ids); quote the error id if it keeps failing.",
                List.of(), "internal-error");
    }
}
