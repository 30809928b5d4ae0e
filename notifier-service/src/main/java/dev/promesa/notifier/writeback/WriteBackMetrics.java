package dev.promesa.notifier.writeback;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code promesa_writeback_total{source,desk,outcome}} on {@code /q/metrics}: one count per attempt, outcome
 * {@code written}, {@code retried} (failed, will be tried again) or {@code failed} (given up).
 */
@ApplicationScoped
public class WriteBackMetrics {
    static final String WRITTEN = "written";
    static final String RETRIED = "retried";
    static final String FAILED = "failed";

    private final MeterRegistry registry;

    WriteBackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String source, String desk, String outcome) {
        Counter.builder("promesa.writeback").description("Attempts to write an internal note into a help desk")
                .tag("source", source).tag("desk", desk).tag("outcome", outcome).register(registry).increment();
    }
}
