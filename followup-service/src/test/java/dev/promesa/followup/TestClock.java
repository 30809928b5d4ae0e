package dev.promesa.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the wall clock plus an offset that a test moves forward, so an alert due in an hour
 * is due now, without waiting. Time still passes as usual between moves. Tests that move it put it back in
 * {@code @AfterEach} ({@link #reset()}), so the next test starts at the wall clock again; tests take their "now" from
 * {@link #instant()}.
 */
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
