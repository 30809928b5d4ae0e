package dev.promesa.calendar;

import java.time.Duration;
import java.time.Instant;

/** 24x7: every instant counts. */
final class AlwaysOpenCalendar implements BusinessCalendar {

    static final AlwaysOpenCalendar INSTANCE = new AlwaysOpenCalendar();

    private AlwaysOpenCalendar() {
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        requireNonNegative(businessTime);
        return start.plus(businessTime);
    }

    @Override
    public Duration businessTimeBetween(Instant a, Instant b) {
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    @Override
    public Duration workingDay() {
        return Duration.ofDays(1);
    }

    static void requireNonNegative(Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
    }

    @Override
    public String toString() {
        return "24x7";
    }
}
