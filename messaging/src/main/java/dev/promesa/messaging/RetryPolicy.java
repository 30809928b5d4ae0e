package dev.promesa.messaging;

/**
 * How a poll processor retries: {@code attempts} tries per record for a failure that may pass (then the record is
 * dead-lettered), waiting {@code backoff} between tries. A database outage is waited out with the same backoff,
 * however long it lasts.
 */
public record RetryPolicy(int attempts, Backoff backoff) {
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }
}
