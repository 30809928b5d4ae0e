package dev.promesa.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The API-key settings every service shares ({@code promesa.api-keys}, {@code promesa.rate-limit.*}). Each service
 * maps its other {@code promesa.*} keys itself.
 */
@ConfigMapping(prefix = "promesa")
public interface ApiSecurityConfig {

    /**
     * {@code source:sha256:<hex>,...}: the hash of each key (./promesa hash-key KEY) and the source it is bound to.
     * No default outside the dev and test profiles: without keys every {@code /api} request gets 401.
     */
    Optional<String> apiKeys();

    /** The limit per API key. */
    RateLimit rateLimit();

    interface RateLimit {
        /** {@code promesa.rate-limit.enabled}: false turns the limit off (e.g. for benchmarks). */
        @WithDefault("true")
        boolean enabled();

        /** {@code promesa.rate-limit.requests-per-second}: sustained requests per key; a batch counts once. */
        @WithDefault("200")
        double requestsPerSecond();

        /** {@code promesa.rate-limit.burst}: requests a key may send at once after a quiet period. */
        @WithDefault("400")
        int burst();

        /**
         * {@code promesa.rate-limit.sources.<source>.requests-per-second} and {@code .burst}: another limit for the
         * keys of one source (a large help desk, a reporting job).
         */
        Map<String, SourceLimit> sources();
    }

    interface SourceLimit {
        double requestsPerSecond();

        int burst();
    }
}
