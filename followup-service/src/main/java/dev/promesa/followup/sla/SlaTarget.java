package dev.promesa.followup.sla;

import java.time.Duration;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.contracts.SlaMetric;

/** One resolved target: how much open time a metric may take, counted on which calendar. */
public record SlaTarget(String policy, SlaMetric metric, Duration target, String hours, BusinessCalendar calendar) {
}
