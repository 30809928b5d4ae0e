package dev.promesa.notifier.delivery;

/** Fired inside the consumer's transaction; observed after commit to wake the sender without waiting for its poll. */
public record NotificationsRecorded(String alertId, int count) {
}
