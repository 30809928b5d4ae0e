package dev.promesa.followup.duecheck;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.promesa.contracts.AlertKind;

/** Alerts published by kind, the due-check lag, and the number of open promises. */
@ApplicationScoped
public class DueCheckMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final AtomicLong openCommitments = new AtomicLong();
    private final Counter failedRounds;

    DueCheckMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("promesa.duecheck.lag")
                .description("Time from an alert's due time to its publication")
                .publishPercentileHistogram()
                .register(registry);
        registry.gauge("promesa.commitments.open", openCommitments);
        this.failedRounds = Counter.builder("promesa.duecheck.failed.rounds")
                .description("Due-check rounds rolled back (Kafka or PostgreSQL unreachable); their items stay due")
                .register(registry);
    }

    void roundFailed() {
        failedRounds.increment();
    }

    /** Rounds rolled back so far. */
    public double failedRounds() {
        return failedRounds.count();
    }

    void published(String source, AlertKind kind, Duration late) {
        Counter.builder("promesa.alerts.published")
                .description("Alerts published to Kafka, by source and kind")
                .tag("source", source)
                .tag("kind", kind.name())
                .register(registry)
                .increment();
        lag.record(late.isNegative() ? Duration.ZERO : late);
    }

    void openCommitments(long count) {
        openCommitments.set(count);
    }
}
