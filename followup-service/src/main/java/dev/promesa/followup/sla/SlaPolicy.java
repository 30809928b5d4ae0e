package dev.promesa.followup.sla;

import java.util.EnumMap;
import java.util.Map;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;

/**
 * A named policy with its targets resolved to durations and calendars.
 *
 * @param businessCalendar the policy calendar's working hours (the targets of 24x7 priorities ignore it)
 */
public record SlaPolicy(String name, String calendar, WorkingHoursCalendar businessCalendar,
        Map<Priority, Map<SlaMetric, SlaTarget>> targets) {

    public SlaTarget target(Priority priority, SlaMetric metric) {
        return targets.get(priority).get(metric);
    }

    static Map<Priority, Map<SlaMetric, SlaTarget>> emptyTargets() {
        return new EnumMap<>(Priority.class);
    }
}
