package dev.promesa.followup.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "promesa.ingest")
public interface IngestConfig {

    /** Tries per event when applying it fails for a reason other than the event itself (e.g. database down). */
    @WithDefault("5")
    int attempts();

    /** Pause before the second try; doubled for each further try. */
    @WithDefault("PT0.5S")
    Duration retryBackoff();
}
