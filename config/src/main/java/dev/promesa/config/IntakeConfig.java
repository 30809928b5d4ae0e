package dev.promesa.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Promesa's own intake settings; Kafka, HTTP and body-size limits use the standard Quarkus keys, API keys and the rate
 * limit {@link ApiSecurityConfig}.
 */
@ConfigMapping(prefix = "promesa")
public interface IntakeConfig {

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /** The largest batch {@code POST /api/v1/events} takes. */
    @WithDefault("1000")
    int maxBatchSize();

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
