package dev.promesa.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.promesa.contracts.Topics;

@ConfigMapping(prefix = "promesa.due-check")
public interface DueCheckConfig {

    /** Runs the worker loop; turn off to run a replica that only consumes and serves the API. */
    @WithDefault("true")
    boolean enabled();

    /** Pause between claims when the last batch was not full. Bounds how late an alert can be. */
    @WithDefault("PT0.2S")
    Duration interval();

    /** Due items claimed, published and deleted per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Where alerts go (the contract's topic unless an operator renames it). */
    @WithDefault(Topics.ALERTS)
    String alertsTopic();

    /** How long to wait for Kafka to acknowledge a batch before giving it back to the queue. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    /**
     * How often the {@code promesa_commitments_open} gauge recounts open promises. The count reads every open row
     * (about 380 ms at 1,000,000), so it runs once a minute rather than every few seconds; the gauge is a trend, not a
     * trigger.
     */
    @WithDefault("PT1M")
    Duration openCommitmentsRefresh();
}
