package dev.promesa.notifier.delivery;

public enum NotificationState {
    /** Waiting for its (next) attempt at {@code next_attempt_at}. */
    PENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Given up: no recipient, or every attempt failed. Its alert goes to the dead-letter topic. */
    FAILED,
    /**
     * Carried by another email (its carrier, {@code carrier_id}: an apology naming several late promises, or a staff
     * digest); becomes SENT (or FAILED) with it.
     */
    MERGED,
    /** Stale before the mail server accepted it (the promise was kept, the ticket resolved…): never sent. */
    WITHDRAWN
}
