package dev.promesa.recognition.promise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import dev.promesa.recognition.time.WorkingTime;

/**
 * The working days and hours that "mañana", "a primera hora" and "end of day" are read by, in the zone the promise is
 * resolved in (an agent in New York opens at 09:00 New York). Immutable.
 *
 * @param days the working days, at least one
 * @param opens the start of working hours
 * @param closes the end of working hours, after {@code opens}
 * @param holidays dates that are not working days even when their weekday is
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Set<LocalDate> holidays)
        implements
            WorkingTime {

    public WorkingHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one working day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("working hours must open (" + opens + ") before they close (" + closes
                    + ")");
        }
        days = Set.copyOf(days);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Monday to Friday between two times, no holidays. */
    public static WorkingHours mondayToFriday(LocalTime opens, LocalTime closes) {
        return new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes, Set.of());
    }

    /** Monday to Friday, 09:00 to 18:00: the corpus default. */
    public static WorkingHours standard() {
        return mondayToFriday(LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    /** The same hours with these holidays. */
    public WorkingHours withHolidays(Set<LocalDate> holidays) {
        return new WorkingHours(days, opens, closes, holidays);
    }
}
