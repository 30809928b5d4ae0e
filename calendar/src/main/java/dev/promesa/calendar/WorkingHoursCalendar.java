package dev.promesa.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Open on some days of the week between two wall-clock times in one time zone, closed on holidays.
 * <p>
 * Each working day's window is resolved to instants through {@link ZonedDateTime#of}, so daylight-saving changes
 * are handled by the JDK's zone rules: a window that contains a switch is an hour shorter or longer in real time, and
 * an opening time that falls in a spring-forward gap moves to the first valid instant after it.
 */
public final class WorkingHoursCalendar implements BusinessCalendar {

    /** Far more closed days in a row than any real calendar has: a guard against a calendar with no open time. */
    private static final int MAX_CLOSED_DAYS_IN_A_ROW = 3_660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    public WorkingHoursCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
        this.workingDays = EnumSet.copyOf(workingDays);
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "opening time " + opens + " must be before closing time " + closes + " (same day)");
        }
        this.holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday, 09:00–18:00, no holidays. */
    public static WorkingHoursCalendar officeHours(ZoneId zone) {
        return new WorkingHoursCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of());
    }

    /**
     * The same working days, hours and holidays, read on another zone's wall clock: the hours of a person known only
     * by their zone (09:00–18:00 in Madrid becomes 09:00–18:00 in New York).
     */
    public WorkingHoursCalendar inZone(ZoneId otherZone) {
        return new WorkingHoursCalendar(otherZone, workingDays, opens, closes, holidays);
    }

    public WorkingHoursCalendar withHolidays(Set<LocalDate> newHolidays) {
        return new WorkingHoursCalendar(zone, workingDays, opens, closes, newHolidays);
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        AlwaysOpenCalendar.requireNonNegative(businessTime);
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        int closedDaysInARow = 0;
        while (true) {
            if (isWorkingDay(date)) {
                Instant open = max(start, openingOf(date));
                Instant close = closingOf(date);
                if (open.isBefore(close)) {
                    closedDaysInARow = 0;
                    Duration available = Duration.between(open, close);
                    if (remaining.compareTo(available) <= 0) {
                        return open.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            } else if (++closedDaysInARow > MAX_CLOSED_DAYS_IN_A_ROW) {
                throw new IllegalStateException("business calendar " + this + " has no open time after " + start);
            }
            date = date.plusDays(1);
        }
    }

    @Override
    public Duration businessTimeBetween(Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(b, zone);
        for (LocalDate date = LocalDate.ofInstant(a, zone); !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                Instant from = max(a, openingOf(date));
                Instant to = min(b, closingOf(date));
                if (from.isBefore(to)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    @Override
    public Duration workingDay() {
        return Duration.between(opens, closes);
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> workingDays() {
        return EnumSet.copyOf(workingDays);
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    private boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private Instant openingOf(LocalDate date) {
        return ZonedDateTime.of(date, opens, zone).toInstant();
    }

    private Instant closingOf(LocalDate date) {
        return ZonedDateTime.of(date, closes, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return zone + " " + workingDays + " " + opens + "–" + closes + " (" + holidays.size() + " holidays)";
    }
}
