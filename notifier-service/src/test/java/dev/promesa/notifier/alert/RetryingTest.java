package dev.promesa.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.promesa.notifier.delivery.Backoff;

class RetryingTest {
    private final List<Duration> waits = new ArrayList<>();
    private final Retrying retrying = new Retrying(4, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(1)),
            waits::add);

    @Test
    void passingFailuresAreRetriedWithBackoffUntilTheActionSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        retrying.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database restarting");
            }
        }, (attempt, wait, failure) -> {
        });
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aDatabaseOutageIsWaitedOutPastTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        retrying.run(() -> {
            if (calls.incrementAndGet() < 10) {
                throw new IllegalStateException("pool",
                        new java.sql.SQLException("Connection refused", "08001"));
            }
        }, (attempt, wait, failure) -> {
        });
        assertThat(calls).hasValue(10);
        assertThat(waits).hasSize(9).last().isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void afterTheLastAttemptTheFailureGoesUpToBeDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrying.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still down");
        }, (attempt, wait, failure) -> {
        })).hasMessage("still down");
        assertThat(calls).hasValue(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void unreadableRecordsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrying.run(() -> {
            calls.incrementAndGet();
            throw new UnreadableAlertException("not the JSON of an Alert");
        }, (attempt, wait, failure) -> {
        })).isInstanceOf(UnreadableAlertException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
