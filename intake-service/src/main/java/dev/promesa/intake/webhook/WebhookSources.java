package dev.promesa.intake.webhook;

import java.util.Optional;

/**
 * Where the webhook code learns about sources, so the configuration can move (today intake's
 * {@code promesa.sources.<source>.*}) without touching the signature checks or the mappers.
 */
public interface WebhookSources {

    /** The source of that name, if it is configured with a webhook secret; empty otherwise. */
    Optional<WebhookSource> find(String name);
}
