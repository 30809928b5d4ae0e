package dev.promesa.messaging;

import java.time.Duration;

/** Exponential backoff: the initial wait, ×2 per failed attempt, capped. Pure. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failedAttempts}-th failed attempt (1 → initial, 2 → 2×initial, …, at most max). */
    public Duration after(int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
