package dev.promesa.notifier.alert;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

import dev.promesa.notifier.NotifierConfig;
import dev.promesa.notifier.delivery.Backoff;

/**
 * Reads {@code followup.alerts.v1} (group {@code notifier}). At-least-once: the offset is committed after the
 * transaction of {@link AlertIntake#accept}. A passing failure (e.g. the database restarting) is retried here with
 * backoff, holding the partition in order; a record that is unreadable, or still fails after
 * {@code promesa.intake.max-attempts}, is dead-lettered with the reason (see application.properties) and consumption
 * goes on.
 */
@ApplicationScoped
public class AlertConsumer {
    /** Channel name; the topic is set in configuration. */
    public static final String CHANNEL = "alerts";

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

    private final AlertIntake intake;
    private final Retrying retrying;

    AlertConsumer(AlertIntake intake, NotifierConfig config) {
        this.intake = intake;
        NotifierConfig.Intake settings = config.intake();
        this.retrying = new Retrying(settings.maxAttempts(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff()),
                wait -> Thread.sleep(wait.toMillis()));
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAlert(String json) {
        retrying.run(() -> intake.accept(json), (attempt, wait, failure) -> LOG.warnf(
                "Could not record an alert (attempt %d): %s; retrying in %s", attempt, failure, wait));
    }
}
