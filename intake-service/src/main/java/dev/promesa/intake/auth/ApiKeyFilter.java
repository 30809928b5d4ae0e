package dev.promesa.intake.auth;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.promesa.intake.api.Problems;

/**
 * Every {@code /api} request carries {@code X-Api-Key}; the key decides the source help desk. Health, metrics and
 * OpenAPI under {@code /q} stay open to the cluster.
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-Api-Key";
    public static final String SOURCE_PROPERTY = "promesa.source";

    private final ApiKeys apiKeys;
    private final Problems problems;

    public ApiKeyFilter(ApiKeys apiKeys, Problems problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(HEADER);
        Optional<String> source = apiKeys.sourceOf(presented);
        if (source.isEmpty()) {
            String detail = presented == null || presented.isEmpty()
                    ? "The " + HEADER + " header is missing. Send the key issued to your help desk."
                    : "The " + HEADER + " given is not a known key. Check the key issued to your help desk.";
            return Optional.of(problems.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized", detail,
                    java.util.List.of(), "missing-or-unknown-key"));
        }
        request.setProperty(SOURCE_PROPERTY, source.get());
        return Optional.empty();
    }
}
