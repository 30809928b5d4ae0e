package dev.promesa.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;

/**
 * Promesa's own intake settings; Kafka, HTTP and body-size limits use the standard Quarkus keys, API keys and the rate
 * limit the shared {@code dev.promesa.security.ApiSecurityConfig}.
 */
@ConfigMapping(prefix = "promesa")
public interface IntakeConfig {

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /** The largest batch {@code POST /api/v1/events} takes. */
    @WithDefault("1000")
    int maxBatchSize();

    /**
     * {@code promesa.sources.<source>.*}: per help desk instance. Intake reads the webhook settings; a source without
     * {@code webhook-secret} takes no webhooks (401). The shared per-source configuration of DESIGN.md ("Sources")
     * will take these keys over; the webhook code reads them through {@code WebhookSources} only.
     */
    Map<String, Source> sources();

    interface Source {
        /**
         * {@code promesa.sources.<source>.webhook-secret}: what the desk's webhook deliveries are authenticated with
         * (Zammad's HMAC token, Jira's secret, Zendesk's signing secret, Freshdesk's Basic-auth password or
         * {@code X-Api-Key}). A secret in plain text: keep it in the environment or a Kubernetes Secret.
         */
        Optional<String> webhookSecret();

        /**
         * {@code promesa.sources.<source>.status-map."<desk status name>"=WAITING_ON_USER}: a desk status name and
         * the Promesa status it means, over the desk's defaults (docs/webhooks/); names match case-insensitively.
         */
        Map<String, TicketStatus> statusMap();

        /** {@code promesa.sources.<source>.priority-map."<desk priority name>"=P1}: likewise for priorities. */
        Map<String, Priority> priorityMap();
    }

    /** Benchmark-only switches, all off by default (see docs/benchmarks.md). */
    Bench bench();

    interface Bench {
        /**
         * {@code promesa.bench.echo-endpoint}: serve {@code POST /api/v1/bench/echo/tickets}, which validates like
         * {@code POST /tickets} and answers 202 without Kafka: the reference for the intake benchmark. Otherwise 404.
         */
        @WithDefault("false")
        boolean echoEndpoint();
    }
}
