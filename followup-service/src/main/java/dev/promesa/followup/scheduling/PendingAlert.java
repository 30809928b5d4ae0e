package dev.promesa.followup.scheduling;

import java.time.Instant;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.TicketRef;

/**
 * An alert a rule wants raised at {@code dueAt}, with its deterministic id and everything the alert will carry: the
 * ticket's context, and the promise's or the SLA target's. The due check publishes it as it is, reading nothing else;
 * a later change of the ticket refreshes the ticket context of its pending alerts ({@link DueItems#ticketChanged}).
 * Built by the factory methods, which choose the id, so no caller assembles one by hand.
 *
 * @param dueAt when the alert fires
 * @param subjectDueAt when its promise or target is (or was) due: what {@code Alert.late} is counted from
 */
public record PendingAlert(String alertId, TicketRef ticket, Alert.TicketContext context,
        AlertKind kind, int level, Instant dueAt, Instant subjectDueAt, Subject subject) {

    /** What an alert is about: a promise, an SLA clock, or the whole ticket (the satisfaction check and its answer). */
    public sealed interface Subject {
    }

    /**
     * @param nextStep what the user was told about the next step, carried by the alert ({@code Alert.nextStep}); null
     *        when nothing was told
     */
    public record Promise(String commitmentId, Alert.CommitmentContext commitment, Alert.NextStep nextStep)
            implements
                Subject {

        public Promise(String commitmentId, Alert.CommitmentContext commitment) {
            this(commitmentId, commitment, null);
        }
    }

    public record Clock(long slaClockId, Alert.SlaContext sla) implements Subject {
    }

    public record WholeTicket() implements Subject {
    }

    public static PendingAlert promise(TicketRef ticket, Alert.TicketContext context,
            Alert.CommitmentContext commitment, int revision, Instant promiseDueAt, Schedule alert) {
        return promise(ticket, context, commitment, revision, promiseDueAt, alert, null);
    }

    /** The same, carrying what the user was told about the next step ({@code Alert.nextStep}). */
    public static PendingAlert promise(TicketRef ticket, Alert.TicketContext context,
            Alert.CommitmentContext commitment, int revision, Instant promiseDueAt, Schedule alert,
            Alert.NextStep nextStep) {
        return new PendingAlert(AlertIds.commitment(ticket.source(), commitment.commitmentId(), revision,
                alert.kind(), alert.level()), ticket, context, alert.kind(), alert.level(), alert.dueAt(), promiseDueAt,
                new Promise(commitment.commitmentId(), commitment, nextStep));
    }

    public static PendingAlert clock(TicketRef ticket, Alert.TicketContext context, long slaClockId, int cycle,
            Alert.SlaContext sla, Instant targetDueAt, Schedule alert) {
        return new PendingAlert(AlertIds.sla(ticket, sla.metric(), cycle, alert.kind()), ticket, context,
                alert.kind(), alert.level(), alert.dueAt(), targetDueAt, new Clock(slaClockId, sla));
    }

    public static PendingAlert satisfaction(TicketRef ticket, Alert.TicketContext context, int recurrence,
            Instant dueAt) {
        return new PendingAlert(AlertIds.satisfaction(ticket, recurrence), ticket, context,
                AlertKind.SATISFACTION_CHECK, 0, dueAt, dueAt, new WholeTicket());
    }

    /** The user answered the satisfaction check {@code satisfactionAlertId} "it failed again": the agent hears now. */
    public static PendingAlert recurrenceReported(TicketRef ticket, Alert.TicketContext context,
            String satisfactionAlertId, Instant at) {
        return new PendingAlert(AlertIds.recurrenceReported(satisfactionAlertId), ticket, context,
                AlertKind.RECURRENCE_REPORTED, 0, at, at, new WholeTicket());
    }

    /** The same alert about the ticket as it is now. */
    public PendingAlert withContext(Alert.TicketContext now) {
        return new PendingAlert(alertId, ticket, now, kind, level, dueAt, subjectDueAt, subject);
    }
}
