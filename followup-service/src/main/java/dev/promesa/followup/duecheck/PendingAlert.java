package dev.promesa.followup.duecheck;

import java.time.Instant;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;

/**
 * An alert a rule wants raised at {@code dueAt}, with its deterministic id and what it is about. Built by the factory
 * methods, which choose the id, so no caller assembles one by hand.
 */
public record PendingAlert(String alertId, TicketRef ticket, AlertKind kind, int level, Instant dueAt,
        Subject subject) {

    /** What an alert is about: a promise, an SLA clock (with the share of its target used up), or the ticket. */
    public sealed interface Subject {
    }

    public record Promise(String commitmentId) implements Subject {
    }

    public record Clock(long slaClockId, int percent) implements Subject {
    }

    public record WholeTicket() implements Subject {
    }

    public static PendingAlert promise(TicketRef ticket, String commitmentId, int revision, Schedule alert) {
        return new PendingAlert(AlertIds.commitment(ticket.source(), commitmentId, revision, alert.kind(),
                alert.level()), ticket, alert.kind(), alert.level(), alert.dueAt(), new Promise(commitmentId));
    }

    public static PendingAlert clock(TicketRef ticket, long slaClockId, SlaMetric metric, int cycle, Schedule alert,
            int percent) {
        return new PendingAlert(AlertIds.sla(ticket, metric, cycle, alert.kind()), ticket, alert.kind(),
                alert.level(), alert.dueAt(), new Clock(slaClockId, percent));
    }

    public static PendingAlert satisfaction(TicketRef ticket, int recurrence, Instant dueAt) {
        return new PendingAlert(AlertIds.satisfaction(ticket, recurrence), ticket, AlertKind.SATISFACTION_CHECK, 0,
                dueAt, new WholeTicket());
    }
}
