package dev.promesa.notifier.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counters and timers an operator watches: {@code promesa_notifications_*} on {@code /q/metrics}. */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Counter retries;
    private final Counter duplicates;
    private final Counter deadLetters;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("promesa.notifications.retries")
                .description("SMTP attempts that failed and were scheduled again").register(registry);
        this.duplicates = Counter.builder("promesa.notifications.duplicates")
                .description("Redelivered (alert, recipient) pairs that were ignored: already sent, pending, or "
                        + "nobody to send to")
                .register(registry);
        this.deadLetters = Counter.builder("promesa.notifications.dead.letters")
                .description("Alerts of failed notifications published to the dead-letter topic").register(registry);
    }

    void sent(String source, String kind, Duration latency) {
        Counter.builder("promesa.notifications.sent").description("Emails accepted by the SMTP server")
                .tag("source", source).tag("kind", kind).register(registry).increment();
        sendTimer("success").record(latency);
    }

    void retried(Duration latency) {
        retries.increment();
        sendTimer("failure").record(latency);
    }

    void failed(String source, String kind, String reason) {
        Counter.builder("promesa.notifications.failed").description("Notifications given up (state FAILED)")
                .tag("source", source).tag("kind", kind).tag("reason", reason).register(registry).increment();
    }

    /** @param reason {@code smtp} for an email, {@code chat} for a team channel's message */
    void sendFailedForGood(String source, String kind, String reason, Duration latency) {
        failed(source, kind, reason);
        sendTimer("failure").record(latency);
    }

    /** A FAILED email put back to PENDING: {@code via} api (an operator) or replay (its alert arrived again). */
    void resent(String via) {
        Counter.builder("promesa.notifications.resent")
                .description("FAILED notifications queued to be sent again, by an operator or a replayed alert")
                .tag("via", via).register(registry).increment();
    }

    /** A staff email written to wait for the recipient's working hours. */
    void held(String source) {
        Counter.builder("promesa.notifications.held")
                .description("Staff emails held for the recipient's working hours (sent at the next working hour)")
                .tag("source", source).register(registry).increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }

    private Timer sendTimer(String outcome) {
        return Timer.builder("promesa.notifications.send").description("Time of one SMTP send attempt")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }
}
