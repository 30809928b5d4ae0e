package dev.promesa.intake.webhook.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.promesa.config.SourcesConfig;
import dev.promesa.intake.webhook.WebhookSource;
import dev.promesa.intake.webhook.WebhookSources;

/**
 * The webhook sources of the per-source configuration, {@code promesa.sources.<source>.webhook-secret},
 * {@code .status-map."<name>"} and {@code .priority-map."<name>"}, read once at start. A source with a blank or no
 * secret takes no webhooks.
 */
@ApplicationScoped
@Startup
public class ConfiguredWebhookSources implements WebhookSources {
    private static final Logger LOG = Logger.getLogger(ConfiguredWebhookSources.class);

    private final Map<String, WebhookSource> sources = new LinkedHashMap<>();

    public ConfiguredWebhookSources(SourcesConfig config) {
        config.sources().forEach((name, source) -> source.webhookSecret().filter(secret -> !secret.isBlank())
                .ifPresent(secret -> sources.put(name, new WebhookSource(name, secret, source.statusMap(),
                        source.priorityMap()))));
        if (sources.isEmpty()) {
            LOG.info("No webhook sources configured (promesa.sources.<source>.webhook-secret): every "
                    + "/api/v1/webhooks request will be refused with 401");
        } else {
            LOG.infof("Webhooks accepted for %d source(s): %s", sources.size(), new TreeSet<>(sources.keySet()));
        }
    }

    @Override
    public Optional<WebhookSource> find(String name) {
        return Optional.ofNullable(sources.get(name));
    }
}
