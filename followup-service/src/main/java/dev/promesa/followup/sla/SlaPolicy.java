package dev.promesa.followup.sla;

import java.util.EnumMap;
import java.util.Map;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.followup.calendar.BusinessCalendar;

/** A named policy with its targets resolved to durations and calendars. */
public record SlaPolicy(String name, String calendar, BusinessCalendar businessCalendar,
        Map<Priority, Map<SlaMetric, SlaTarget>> targets) {

    public SlaTarget target(Priority priority, SlaMetric metric) {
        return targets.get(priority).get(metric);
    }

    static Map<Priority, Map<SlaMetric, SlaTarget>> emptyTargets() {
        return new EnumMap<>(Priority.class);
    }
}
