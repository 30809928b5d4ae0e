package dev.promesa.followup.scheduling;

import java.time.Instant;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
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

    /**
     * A withdrawal's id, per (source, ticket, promise, reason, at): {@code desk:withdrawal:T-1:C-1:KEPT:<epoch ms>},
     * {@code *} for the promise of a whole ticket's withdrawal.
     */
    public static String withdrawal(TicketRef ticket, String commitmentId, AlertWithdrawal.Reason reason, Instant at) {
        return ticket.source() + ":withdrawal:" + ticket.ticketId() + ":" + (commitmentId == null ? "*" : commitmentId)
                + ":" + reason + ":" + at.toEpochMilli();
    }

    /** The withdrawal of a promise's (or, with a null promise, a ticket's) published alerts, with its id. */
    public static AlertWithdrawal withdrawalOf(TicketRef ticket, String commitmentId, AlertWithdrawal.Reason reason,
            Instant at) {
        return new AlertWithdrawal(withdrawal(ticket, commitmentId, reason, at), ticket.source(), ticket.ticketId(),
                commitmentId, reason, at);
    }

    /**
     * The revision of a promise alert's id ({@code <source>:commitment:<id>:r<revision>:<KIND>:<level>}), read from
     * its end, since a promise id may hold colons.
     */
    public static int revisionOf(String commitmentAlertId) {
        int levelColon = commitmentAlertId.lastIndexOf(':');
        int kindColon = levelColon > 0 ? commitmentAlertId.lastIndexOf(':', levelColon - 1) : -1;
        int revisionColon = kindColon > 0 ? commitmentAlertId.lastIndexOf(':', kindColon - 1) : -1;
        if (revisionColon < 0 || commitmentAlertId.charAt(revisionColon + 1) != 'r') {
            return 1; // not shaped like ours (never expected): the first revision's id, rather than no alert at all
        }
        try {
            return Integer.parseInt(commitmentAlertId.substring(revisionColon + 2, kindColon));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static String satisfaction(TicketRef ticket, int recurrence) {
        return ticket.source() + ":satisfaction:" + ticket.ticketId() + ":" + recurrence;
    }

    /** The agent's alert when the user answers the satisfaction check {@code satisfactionAlertId} "it failed again". */
    public static String recurrenceReported(String satisfactionAlertId) {
        return satisfactionAlertId + ":" + AlertKind.RECURRENCE_REPORTED;
    }
}
