package dev.promesa.intake.api;

import java.util.List;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The framework's own refusals, answered as problem+json like every other error of this API. */
public class HttpProblemMappers {
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
}
