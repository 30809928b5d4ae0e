package dev.promesa.followup.duecheck;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.SlaMetric;

/**
 * Deterministic alert ids: (subject, kind, level) → id. A repeat of the same alert carries the same id, which is what
 * lets the notifier send at most one email per alert.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String commitment(String commitmentId, int revision, AlertKind kind, int level) {
        return "commitment:" + commitmentId + ":r" + revision + ":" + kind + ":" + level;
    }

    public static String sla(String ticketId, SlaMetric metric, int cycle, AlertKind kind) {
        return "sla:" + ticketId + ":" + metric + ":" + cycle + ":" + kind;
    }

    public static String satisfaction(String ticketId, int recurrence) {
        return "satisfaction:" + ticketId + ":" + recurrence;
    }
}
