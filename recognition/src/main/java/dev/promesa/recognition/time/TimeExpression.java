package dev.promesa.recognition.time;

import java.time.DayOfWeek;
import java.time.Month;

/**
 * The parts of a time expression found in a clause, before resolution. Any part may be absent.
 *
 * @param minutesFromNow a relative duration ("en 2 horas", "in 45 minutes"), or null
 * @param day the day named, or null
 * @param timeOfDay the time of day named, or null
 * @param sameDayAsBefore "ese mismo día", "that same day": the day named earlier in the message
 * @param vague a vague time ("en breve", "shortly") was named
 */
record TimeExpression(Integer minutesFromNow, Day day, TimeOfDay timeOfDay, boolean sameDayAsBefore, boolean vague) {

    boolean isEmpty() {
        return minutesFromNow == null && day == null && timeOfDay == null && !sameDayAsBefore && !vague;
    }

    /** A day: today, the next working day(s), a weekday or a date. */
    record Day(DayKind kind, DayOfWeek weekday, int dayOfMonth, Month month) {
        static Day of(DayKind kind) {
            return new Day(kind, null, 0, null);
        }

        static Day weekday(DayOfWeek weekday) {
            return new Day(DayKind.WEEKDAY, weekday, 0, null);
        }

        static Day date(int dayOfMonth, Month month) {
            return new Day(DayKind.DATE, null, dayOfMonth, month);
        }
    }

    enum DayKind {
        TODAY, NEXT_WORKING_DAY, SECOND_WORKING_DAY, WEEKDAY, DATE
    }

    /**
     * A time of day: a clock time, the opening or closing of working hours, or noon.
     *
     * @param todayBound said of today only ("esta tarde", "this morning"): never moved to an earlier-named day
     */
    record TimeOfDay(TimeKind kind, int hour, int minute, Meridiem meridiem, boolean todayBound) {
        static TimeOfDay clock(int hour, int minute, Meridiem meridiem) {
            return new TimeOfDay(TimeKind.CLOCK, hour, minute, meridiem, false);
        }

        static TimeOfDay of(TimeKind kind, boolean todayBound) {
            return new TimeOfDay(kind, 0, 0, Meridiem.NONE, todayBound);
        }
    }

    enum TimeKind {
        CLOCK, OPENING, NOON, CLOSING
    }

    /** How a clock hour is to be read: as written in 24-hour form, before noon, after noon, or either. */
    enum Meridiem {
        H24, AM, PM, NONE
    }
}
