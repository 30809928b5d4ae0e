package dev.promesa.notifier.carrier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code promesa_notifications_merged_total{source,carrier}} (alerts carried by an apology or a digest instead of
 * going alone) and {@code promesa_notifications_withdrawn_total{source,reason}} (notifications withdrawn before the
 * mail server took them).
 */
@ApplicationScoped
public class CarrierMetrics {
    private final MeterRegistry registry;

    CarrierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void merged(String source, CarrierKind carrier) {
        Counter.builder("promesa.notifications.merged")
                .description("Notifications carried by another email (an apology naming several promises, a digest)")
                .tag("source", source).tag("carrier", carrier.name()).register(registry).increment();
    }

    void withdrawn(String source, String reason) {
        Counter.builder("promesa.notifications.withdrawn")
                .description("Notifications withdrawn before the mail server accepted them (stale)")
                .tag("source", source).tag("reason", reason).register(registry).increment();
    }
}
