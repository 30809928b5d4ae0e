package dev.promesa.followup.scheduling;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;

/**
 * Deterministic alert ids: (source, subject, kind, level) → id. A repeat of the same alert carries the same id, which
 * is what lets the notifier send at most one email per alert. Every id starts with its source and a colon (source
 * names hold no colon), so two desks' alerts for their own {@code T-1} or {@code C-1} never share an id.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String commitment(String source, String commitmentId, int revision, AlertKind kind, int level) {
        return source + ":commitment:" + commitmentId + ":r" + revision + ":" + kind + ":" + level;
    }

    public static String sla(TicketRef ticket, SlaMetric metric, int cycle, AlertKind kind) {
        return ticket.source() + ":sla:" + ticket.ticketId() + ":" + metric + ":" + cycle + ":" + kind;
    }

    public static String satisfaction(TicketRef ticket, int recurrence) {
        return ticket.source() + ":satisfaction:" + ticket.ticketId() + ":" + recurrence;
    }
}
