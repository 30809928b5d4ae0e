package dev.promesa.intake.webhook.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code promesa_intake_webhook_accepted_total{desk,source,type}}: events published from webhooks (only configured
 * sources get that far, so the source tag stays bounded); {@code promesa_intake_webhook_rejected_total{desk,reason}}:
 * deliveries refused, by reason ({@code unknown-source}, {@code missing-signature}, {@code bad-signature},
 * {@code bad-timestamp}, {@code stale-timestamp}, {@code malformed}, {@code invalid}, {@code unknown-desk},
 * {@code kafka-unavailable}), without the source: an unknown one is whatever the caller wrote.
 */
@ApplicationScoped
public class WebhookMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String desk, String source, String type) {
        counters.computeIfAbsent("accepted|" + desk + "|" + source + "|" + type, key -> registry.counter(
                "promesa.intake.webhook.accepted", "desk", desk, "source", source, "type", type)).increment();
    }

    void rejected(String desk, String reason) {
        counters.computeIfAbsent("rejected|" + desk + "|" + reason, key -> registry.counter(
                "promesa.intake.webhook.rejected", "desk", desk, "reason", reason)).increment();
    }
}
