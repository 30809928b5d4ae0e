package dev.promesa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Promises recognised in the agent's own words ({@code promesa.promises.*}); a source may set its own. */
@ConfigMapping(prefix = "promesa.promises")
public interface PromisesConfig {

    /**
     * {@code auto}, {@code suggest} or {@code off} ({@link FromText}); a source may set its own
     * ({@code promesa.sources.<source>.promises.from-text}).
     */
    @WithDefault("auto")
    FromText fromText();
}
