package dev.promesa.notifier.delivery;

/** Fired once new emails are committed to the log; wakes the sender without waiting for its poll. */
public record NotificationsRecorded(int count) {
}
