package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.Instant;

import dev.promesa.contracts.SlaMetric;

/**
 * One SLA clock as the read API shows it: {@code dueAt} is null while paused or stopped; {@code consumed} is the
 * business time used up so far; {@code breached} is true once the target was exceeded.
 */
public record ClockView(
        SlaMetric metric,
        int cycle,
        ClockState state,
        String policy,
        String hours,
        Duration target,
        Duration consumed,
        Instant startedAt,
        Instant dueAt,
        boolean paused,
        boolean met,
        boolean breached,
        Instant stoppedAt) {
}
