package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.promesa.contracts.AlertKind;
import dev.promesa.followup.calendar.BusinessCalendar;
import dev.promesa.followup.duecheck.Schedule;

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

    /**
     * The warning and the breach of a clock running since {@code segmentStart}, leaving out those whose time is not
     * after {@code at}: they were scheduled (and maybe published) before, so scheduling them again could repeat them.
     */
    public List<Schedule> schedule(BusinessCalendar calendar, Instant segmentStart, Duration consumed,
            Duration target, Instant at) {
        List<Schedule> alerts = new ArrayList<>(2);
        Duration warning = target.multipliedBy(warningPercent).dividedBy(100);
        if (consumed.compareTo(warning) < 0) {
            Instant warnAt = calendar.plus(segmentStart, warning.minus(consumed));
            if (warnAt.isAfter(at)) {
                alerts.add(new Schedule(AlertKind.SLA_WARNING, 0, warnAt));
            }
        }
        if (consumed.compareTo(target) < 0) {
            Instant breachAt = calendar.plus(segmentStart, target.minus(consumed));
            if (breachAt.isAfter(at)) {
                alerts.add(new Schedule(AlertKind.SLA_BREACHED, 0, breachAt));
            }
        }
        return alerts;
    }
}
