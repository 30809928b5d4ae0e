package dev.promesa.notifier.writeback;

import java.time.Duration;
import java.util.Optional;

/**
 * A desk did not take a note. {@code retryable} failures (no connection, timeouts, 408, 409, 425, 429, 5xx) are tried
 * again with backoff; the others (any other 4xx, a redirect, a ticket that cannot be found) would get the same answer
 * again, so the note is marked FAILED at once. {@link #retryAfter()} is how long the desk asked us to wait
 * ({@code Retry-After} on 429 or 503), if it said. The message never contains the credential.
 */
public final class DeskCallFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final boolean wholeDesk;
    private final transient Optional<Duration> retryAfter;

    DeskCallFailure(String message, boolean retryable, boolean wholeDesk, Optional<Duration> retryAfter) {
        super(message);
        this.retryable = retryable;
        this.wholeDesk = wholeDesk;
        this.retryAfter = retryAfter;
    }

    static DeskCallFailure permanent(String message) {
        return new DeskCallFailure(message, false, false, Optional.empty());
    }

    /** The desk itself is unreachable, failing (5xx) or rate-limiting (429): its other notes would fare no better. */
    public boolean wholeDesk() {
        return wholeDesk;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
