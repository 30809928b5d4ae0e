package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.contracts.AlertKind;
import dev.promesa.followup.scheduling.Schedule;

/** When a running clock warns and breaches: pure arithmetic over a business calendar. */
public final class SlaRules {

    private final int warningPercent;

    public SlaRules(int warningPercent) {
        if (warningPercent <= 0 || warningPercent >= 100) {
            throw new IllegalArgumentException("promesa.sla.warning-percent must be between 1 and 99, not "
                    + warningPercent);
        }
        this.warningPercent = warningPercent;
    }

    public int warningPercent() {
        return warningPercent;
    }

    /** When a clock running since {@code segmentStart}, with {@code consumed} already used, reaches its target. */
    public static Instant dueAt(BusinessCalendar calendar, Instant segmentStart, Duration consumed, Duration target) {
        Duration left = target.minus(consumed);
        return calendar.plus(segmentStart, left.isNegative() ? Duration.ZERO : left);
    }

    /** How a clock is being armed: for the first time (or on new targets), or again after a pause. */
    public enum Arming {
        /**
         * Started, or its target changed (priority or policy): a warning or breach whose moment has already passed
         * was never raised, and fires at once. A passed breach makes the warning moot.
         */
        CATCH_UP,
        /**
         * Resumed after a pause (or a reopening): moments that passed did so while the clock ran before, and were
         * raised then; they are not raised again.
         */
        RESUME
    }

    /**
     * The warning and the breach of a clock running since {@code segmentStart} with {@code consumed} already used up,
     * armed at {@code at}. A moment not after {@code at} fires at {@code at} when catching up, and is left out when
     * resuming.
     */
    public List<Schedule> schedule(BusinessCalendar calendar, Instant segmentStart, Duration consumed,
            Duration target, Instant at, Arming arming) {
        List<Schedule> alerts = new ArrayList<>(2);
        Duration warning = target.multipliedBy(warningPercent).dividedBy(100);
        Instant breachAt = consumed.compareTo(target) < 0 ? calendar.plus(segmentStart, target.minus(consumed)) : null;
        Instant warnAt = consumed.compareTo(warning) < 0 ? calendar.plus(segmentStart, warning.minus(consumed)) : null;
        boolean breachPassed = breachAt == null || !breachAt.isAfter(at);
        boolean warningPassed = warnAt == null || !warnAt.isAfter(at);
        if (breachPassed) {
            if (arming == Arming.CATCH_UP) {
                alerts.add(new Schedule(AlertKind.SLA_BREACHED, 0, at));
            }
            return alerts;
        }
        if (!warningPassed) {
            alerts.add(new Schedule(AlertKind.SLA_WARNING, 0, warnAt));
        } else if (arming == Arming.CATCH_UP) {
            alerts.add(new Schedule(AlertKind.SLA_WARNING, 0, at));
        }
        alerts.add(new Schedule(AlertKind.SLA_BREACHED, 0, breachAt));
        return alerts;
    }
}
