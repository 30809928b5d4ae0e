package dev.promesa.notifier.writeback;

public enum WriteBackState {
    /** Waiting for its (next) attempt at {@code next_attempt_at}. */
    PENDING,
    /** The desk took the note. */
    WRITTEN,
    /** Given up: the desk refused it for good, or every attempt failed. The email itself was sent. */
    FAILED
}
