package dev.promesa.notifier.delivery;

public enum NotificationState {
    /** Waiting for its (next) attempt at {@code next_attempt_at}. */
    PENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Given up: no recipient, or every attempt failed. Its alert goes to the dead-letter topic. */
    FAILED
}
