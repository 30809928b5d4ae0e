package dev.promesa.intake.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.promesa.security.ApiProblem;

/**
 * The answers Vert.x would otherwise give with an empty or HTML body, as problem+json like the rest of the API: a body
 * announced larger than {@code quarkus.http.limits.max-body-size} (413, before a byte of it is read; Quarkus's own
 * guard runs at order -2, this one just before it), and an {@code /api} path no resource serves (404).
 */
@ApplicationScoped
public class HttpEdgeProblems {
    private static final Logger LOG = Logger.getLogger(HttpEdgeProblems.class);
    /** Before Quarkus's max-body-size handler, which answers 413 without a body. */
    private static final int BEFORE_BODY_LIMIT = -3;

    private final Problems problems;
    private final ObjectMapper mapper;
    private final long maxBodySize;

    public HttpEdgeProblems(Problems problems, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.problems = problems;
        this.mapper = mapper;
        this.maxBodySize = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_BODY_LIMIT).handler(this::refuseAnnouncedOversizeBody);
        // Quarkus REST passes requests it has no resource for on to the next route; for /api that is this one.
        router.route("/api/*").order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void refuseAnnouncedOversizeBody(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = announced == null ? -1 : Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = -1; // Netty refuses a malformed Content-Length before we get here; nothing to add
        }
        if (length <= maxBodySize) {
            context.next();
            return;
        }
        LOG.debugf("Refusing a %s-byte body on %s (limit %s)", announced, context.request().path(), maxBodySize);
        // The client is still sending the body we will not read: close once it has the answer.
        context.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close());
        write(context, 413, "payload-too-large", "Request body too large",
                "The body has " + length + " bytes; this API takes at most " + maxBodySize + " bytes per request. "
                        + "Split a batch into several requests.",
                "too-large");
    }

    private void notFound(RoutingContext context) {
        write(context, 404, "not-found", "Not found",
                "No resource at " + context.request().path() + ". The intake API is POST /api/v1/tickets, "
                        + "POST /api/v1/tickets/{ticketId}/interactions, POST /api/v1/events and, for help desks' own "
                        + "webhooks, POST /api/v1/webhooks/{desk}/{source}.",
                "not-found");
    }

    private void write(RoutingContext context, int status, String type, String title, String detail, String reason) {
        String body;
        try {
            body = mapper.writeValueAsString(problems.problem(status, type, title, detail, List.of(), reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail could not be serialized", e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ApiProblem.MEDIA_TYPE).end(body);
    }
}
