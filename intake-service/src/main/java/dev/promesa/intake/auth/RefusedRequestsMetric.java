package dev.promesa.intake.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;

import dev.promesa.security.ApiRequestRefused;

/**
 * Counts the requests the API-key filter refuses in intake's {@code promesa.intake.rejected} counter, next to the
 * invalid ones, by reason ({@code missing-or-unknown-key}, {@code rate-limited}, {@code source-mismatch}).
 */
@ApplicationScoped
public class RefusedRequestsMetric {
    private final MeterRegistry registry;

    public RefusedRequestsMetric(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes ApiRequestRefused refused) {
        registry.counter("promesa.intake.rejected", "reason", refused.reason()).increment();
    }
}
