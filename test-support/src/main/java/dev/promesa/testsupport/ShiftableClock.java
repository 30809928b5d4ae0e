package dev.promesa.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests: the wall clock plus an offset that a test moves forward, so what is due in an hour (an
 * alert, an email held until Monday 09:00) is due now, without waiting. Time still passes as usual between moves.
 * Each service's test sources make it their clock bean ({@code TestClock}); tests that move it put it back in
 * {@code @AfterEach} ({@link #reset()}), so the next test starts at the wall clock again.
 */
public class ShiftableClock extends Clock {

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
