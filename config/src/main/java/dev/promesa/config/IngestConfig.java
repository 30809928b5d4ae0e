package dev.promesa.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "promesa.ingest")
public interface IngestConfig {

    /**
     * Tries per event when applying it fails for an unexpected reason (a bug, a constraint); then the record is
     * dead-lettered. An unreachable database is waited out instead, however long it takes.
     */
    @WithDefault("5")
    int attempts();

    /** Pause before the second try; doubled for each further try. */
    @WithDefault("PT0.5S")
    Duration retryBackoff();

    /** The longest pause between tries. */
    @WithDefault("PT30S")
    Duration maxRetryBackoff();

    /** Where records that cannot be processed go, unchanged, with the reason in {@code dead-letter-*} headers. */
    @WithDefault("helpdesk.events.v1.dlq")
    String deadLetterTopic();
}
