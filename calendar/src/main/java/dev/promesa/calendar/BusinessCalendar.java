package dev.promesa.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts time the way a service level does: only while the help desk is open. Pure arithmetic, no clock, no I/O.
 * <p>
 * Contract of every implementation, for {@code d >= 0} and {@code a <= b}:
 * <ul>
 * <li>{@code businessTimeBetween(a, plus(a, d)) == d};</li>
 * <li>{@code plus(a, d)} is the earliest instant with that property (so it never lies in closed time, unless
 * {@code d} is zero, when it is {@code a} itself);</li>
 * <li>{@code plus(a, businessTimeBetween(a, b)) <= b}.</li>
 * </ul>
 */
public interface BusinessCalendar {

    /** The instant at which {@code businessTime} of open time has passed since {@code start}. */
    Instant plus(Instant start, Duration businessTime);

    /** Open time between {@code a} and {@code b}; zero when {@code b} is not after {@code a}. */
    Duration businessTimeBetween(Instant a, Instant b);

    /** Open time in one ordinary working day: what "1 business day" means in a target. */
    Duration workingDay();

    /**
     * The first open instant at or after {@code at}: {@code at} itself while the calendar is open, else the next
     * opening. What "wait for the next working hour" means (notifier holds staff emails until then). Follows from the
     * contract: {@code plus(at, 1 ns)} is the earliest instant one nanosecond of open time after {@code at}.
     */
    default Instant nextOpen(Instant at) {
        return plus(at, Duration.ofNanos(1)).minusNanos(1);
    }

    /** A calendar that is always open (24x7): plain wall-clock arithmetic. */
    static BusinessCalendar alwaysOpen() {
        return AlwaysOpenCalendar.INSTANCE;
    }
}
