package dev.promesa.security;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code perSecond}; each request takes one. Thread-safe;
 * the time source is given so tests can move time by hand.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A token bucket needs a rate above 0 and a burst of at least 1");
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes a token: 0 when one was there, else the nanoseconds until one will be (nothing taken). */
    synchronized long tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
