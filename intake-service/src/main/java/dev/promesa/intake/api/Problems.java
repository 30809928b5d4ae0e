package dev.promesa.intake.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;

import dev.promesa.intake.validation.Violation;
import dev.promesa.security.ApiProblem;

/** Builds intake's {@code application/problem+json} answers ({@link ApiProblem}) and counts rejections by reason. */
@ApplicationScoped
public class Problems {
    private final MeterRegistry registry;

    public Problems(MeterRegistry registry) {
        this.registry = registry;
    }

    public Response response(Response.Status status, String type, String title, String detail,
            List<Violation> errors, String reason) {
        return response(status.getStatusCode(), type, title, detail, errors, reason);
    }

    public Response response(int status, String type, String title, String detail, List<Violation> errors,
            String reason) {
        return problem(status, type, title, detail, errors, reason).toResponse();
    }

    /** The problem itself, counted, for answers written outside JAX-RS (the body-size guard). */
    public ApiProblem problem(int status, String type, String title, String detail, List<Violation> errors,
            String reason) {
        registry.counter("promesa.intake.rejected", "reason", reason).increment();
        return ApiProblem.of(status, type, title, detail)
                .withErrors(errors.stream().map(v -> new ApiProblem.FieldError(v.field(), v.message())).toList());
    }

    public Response invalid(List<Violation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return response(Response.Status.BAD_REQUEST, "invalid-event", "Invalid event", detail, errors, "invalid");
    }

    public Response malformed(String detail) {
        return response(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON", detail, List.of(),
                "malformed");
    }
}
