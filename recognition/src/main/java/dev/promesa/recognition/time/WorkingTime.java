package dev.promesa.recognition.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * Working days and hours as the due-time rules read them, in whatever zone the caller resolves in. Opening and closing
 * times are both inside working hours.
 */
public interface WorkingTime {

    /** The most days looked ahead for a working day; a calendar with none gets the next calendar day. */
    int SEARCH_DAYS = 800;

    Set<DayOfWeek> days();

    LocalTime opens();

    LocalTime closes();

    Set<LocalDate> holidays();

    /** Whether a date is a working day: one of {@link #days()} and not a holiday. */
    default boolean isWorkingDay(LocalDate date) {
        return days().contains(date.getDayOfWeek()) && !holidays().contains(date);
    }

    /** Whether a time of day is within working hours, opening and closing included. */
    default boolean isWithinHours(LocalTime time) {
        return !time.isBefore(opens()) && !time.isAfter(closes());
    }

    /** The first working day strictly after a date. */
    default LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        return after.plusDays(1);
    }
}
