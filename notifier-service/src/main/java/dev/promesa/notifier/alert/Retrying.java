package dev.promesa.notifier.alert;

import java.time.Duration;
import java.util.function.Supplier;

import dev.promesa.contracts.DatabaseFailures;
import dev.promesa.notifier.delivery.Backoff;

/**
 * Runs an action until it succeeds, retrying passing failures with backoff, a bounded number of times, and a database
 * outage without limit. {@link UnreadableAlertException} is never retried: the same bytes will not become readable. Pure apart from the {@link Sleeper}, so it is tested without time.
 */
final class Retrying {

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    @FunctionalInterface
    interface Listener {
        void retrying(int failedAttempt, Duration wait, RuntimeException failure);
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    Retrying(int maxAttempts, Backoff backoff, Sleeper sleeper) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    void run(Runnable action, Listener listener) {
        call(() -> {
            action.run();
            return null;
        }, listener);
    }

    <T> T call(Supplier<T> action, Listener listener) {
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (UnreadableAlertException e) {
                throw e;
            } catch (RuntimeException e) {
                // A database outage is waited out however long it lasts: dead-lettering the alert would turn an
                // outage into emails nobody sends until an operator replays them.
                if (attempt >= maxAttempts && !DatabaseFailures.isOutage(e)) {
                    throw e;
                }
                Duration wait = backoff.after(attempt);
                listener.retrying(attempt, wait, e);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
