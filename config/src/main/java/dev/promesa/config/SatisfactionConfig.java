package dev.promesa.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "promesa.satisfaction")
public interface SatisfactionConfig {

    /** SATISFACTION_CHECK this long after a ticket is resolved, unless it is reopened first. */
    @WithDefault("P3D")
    Duration after();
}
