package dev.promesa.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * notifier's clock in tests (it replaces {@link Clocks}' wall clock): the wall clock plus an offset that a test moves
 * forward, so an email held until Monday 09:00 can be seen going out then, without waiting. Time still passes as usual
 * between moves. Tests that move it put it back in {@code @AfterEach} ({@link #reset()}), so the next test starts at
 * the wall clock again.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Moves time on to {@code moment}; a moment already passed changes nothing. */
    public void advanceTo(Instant moment) {
        synchronized (this) {
            Duration ahead = Duration.between(instant(), moment);
            if (!ahead.isNegative()) {
                offset = offset.plus(ahead);
            }
        }
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
