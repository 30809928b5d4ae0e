package dev.promesa.notifier.alert;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code followup.alerts.v1} (group {@code notifier}). At-least-once: the offset is committed after the
 * transaction of {@link AlertIntake#accept}; a record that throws is dead-lettered with the reason (see
 * application.properties) and consumption goes on.
 */
@ApplicationScoped
public class AlertConsumer {
    /** Channel name; the topic is set in configuration. */
    public static final String CHANNEL = "alerts";

    private final AlertIntake intake;

    AlertConsumer(AlertIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAlert(String json) {
        intake.accept(json);
    }
}
