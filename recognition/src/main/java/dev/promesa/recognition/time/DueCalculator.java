package dev.promesa.recognition.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import dev.promesa.recognition.time.TimeExpression.Day;
import dev.promesa.recognition.time.TimeExpression.TimeOfDay;

/**
 * The due-time rules of the labelling guide (recognition/src/test/resources/corpus/README.md, "Resolving the due
 * time"), applied to a parsed {@link TimeExpression}: pure calendar arithmetic, no clock of its own.
 */
final class DueCalculator {

    private static final LocalTime NOON = LocalTime.NOON;

    private DueCalculator() {
    }

    /** The due moment and the day it falls on, or null when the expression has no usable time. */
    static DueTime resolve(TimeExpression expression, ResolutionContext context) {
        ZonedDateTime now = context.now();
        if (expression.minutesFromNow() != null) {
            ZonedDateTime at = now.plusMinutes(expression.minutesFromNow());
            return DueTime.precise(at, at.toLocalDate());
        }
        LocalDate today = now.toLocalDate();
        WorkingTime hours = context.hours();
        TimeOfDay time = expression.timeOfDay();
        LocalDate day = day(expression.day(), context);
        if (day == null && expression.sameDayAsBefore()) {
            day = context.messageDay() != null ? context.messageDay() : context.sentenceDay();
        }
        if (day == null && time != null && !time.todayBound() && context.sentenceDay() != null) {
            day = context.sentenceDay();
        }
        if (time == null) {
            if (day == null) {
                return null;
            }
            if (day.equals(today)) {
                return endOfDay(context);
            }
            return at(day, hours.closes(), context);
        }
        return switch (time.kind()) {
            case CLOCK -> clock(time, day, context);
            case OPENING -> {
                if (day != null) {
                    yield at(day, hours.opens(), context);
                }
                boolean beforeOpening = hours.isWorkingDay(today) && now.toLocalTime().isBefore(hours.opens());
                yield at(beforeOpening ? today : hours.nextWorkingDay(today), hours.opens(), context);
            }
            case NOON -> {
                if (day != null && !day.equals(today)) {
                    yield at(day, NOON, context);
                }
                if (now.toLocalTime().isBefore(NOON)) {
                    yield at(today, NOON, context);
                }
                yield time.todayBound() ? null : at(hours.nextWorkingDay(today), NOON, context);
            }
            case CLOSING -> day != null && !day.equals(today) ? at(day, hours.closes(), context) : endOfDay(context);
        };
    }

    private static LocalDate day(Day day, ResolutionContext context) {
        if (day == null) {
            return null;
        }
        LocalDate today = context.now().toLocalDate();
        WorkingTime hours = context.hours();
        return switch (day.kind()) {
            case TODAY -> today;
            case NEXT_WORKING_DAY -> hours.nextWorkingDay(today);
            case SECOND_WORKING_DAY -> hours.nextWorkingDay(hours.nextWorkingDay(today));
            case WEEKDAY -> today.with(TemporalAdjusters.next(day.weekday()));
            case DATE -> date(day, today);
        };
    }

    /** A day of the month this month if still ahead, else the next month that has it; with a month, this year or the next. */
    private static LocalDate date(Day day, LocalDate today) {
        if (day.month() != null) {
            for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
                LocalDate candidate = safeDate(year, day.month().getValue(), day.dayOfMonth());
                if (candidate != null && candidate.isAfter(today)) {
                    return candidate;
                }
            }
            return null;
        }
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i < 13; i++, month = month.plusMonths(1)) {
            LocalDate candidate = safeDate(month.getYear(), month.getMonthValue(), day.dayOfMonth());
            if (candidate != null && candidate.isAfter(today)) {
                return candidate;
            }
        }
        return null;
    }

    private static LocalDate safeDate(int year, int month, int dayOfMonth) {
        if (dayOfMonth < 1 || dayOfMonth > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, dayOfMonth);
    }

    /** A clock time on the day meant; without a day, today, or the next working day once today's has passed. */
    private static DueTime clock(TimeOfDay time, LocalDate day, ResolutionContext context) {
        LocalDate today = context.now().toLocalDate();
        LocalDate on = day == null ? today : day;
        LocalTime reading = reading(time, on, context);
        if (reading == null) {
            return null;
        }
        ZonedDateTime at = ZonedDateTime.of(on, reading, context.now().getZone());
        if (on.equals(today) && !at.isAfter(context.now())) {
            return at(context.hours().nextWorkingDay(today), reading, context);
        }
        return DueTime.precise(at, on);
    }

    /**
     * The reading of an hour: as written when explicit; otherwise the one inside working hours, or when both or
     * neither are, the earlier one still ahead.
     */
    private static LocalTime reading(TimeOfDay time, LocalDate on, ResolutionContext context) {
        int hour = time.hour();
        int minute = time.minute();
        if (hour > 24 || minute > 59) {
            return null;
        }
        List<LocalTime> candidates = new ArrayList<>(2);
        switch (time.meridiem()) {
            case H24 -> candidates.add(LocalTime.of(hour % 24, minute));
            case AM -> candidates.add(LocalTime.of(hour % 12, minute));
            case PM -> candidates.add(LocalTime.of(hour % 12 + 12, minute));
            case NONE -> {
                if (hour == 0 || hour > 12) {
                    candidates.add(LocalTime.of(hour % 24, minute));
                } else {
                    candidates.add(LocalTime.of(hour % 12, minute));
                    candidates.add(LocalTime.of(hour % 12 + 12, minute));
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<LocalTime> inside = candidates.stream().filter(context.hours()::isWithinHours).toList();
        if (inside.size() == 1) {
            return inside.get(0);
        }
        candidates.sort(null);
        for (LocalTime candidate : candidates) {
            if (ZonedDateTime.of(on, candidate, context.now().getZone()).isAfter(context.now())) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /** The end of working hours today, or of the next working day when today is not one or has closed. */
    private static DueTime endOfDay(ResolutionContext context) {
        ZonedDateTime now = context.now();
        WorkingTime hours = context.hours();
        LocalDate today = now.toLocalDate();
        boolean open = hours.isWorkingDay(today) && now.toLocalTime().isBefore(hours.closes());
        return at(open ? today : hours.nextWorkingDay(today), hours.closes(), context);
    }

    private static DueTime at(LocalDate day, LocalTime time, ResolutionContext context) {
        return DueTime.precise(ZonedDateTime.of(day, time, context.now().getZone()), day);
    }
}
