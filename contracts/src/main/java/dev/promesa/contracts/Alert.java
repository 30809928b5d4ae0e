package dev.promesa.contracts;

import java.time.Duration;
import java.time.Instant;

/**
 * Something is due or late. Published by followup on {@link Topics#ALERTS}, emailed by notifier. It carries all the
 * context the notifier needs, so the notifier never calls back.
 *
 * @param alertId deterministic: the same (source, subject, kind, level) always gives the same id, so a repeat is
 *        harmless; it starts with the source ({@code acme:commitment:…}), so two desks' alerts never share one
 * @param kind what happened
 * @param level 0, except for {@link AlertKind#ESCALATED}: 1 = team lead, 2 = manager
 * @param ticketId the ticket, as the help desk names it
 * @param source the help desk the ticket belongs to; always set
 * @param firedAt when followup raised it
 * @param dueAt when the promise or target was due (for warnings: when it will be due)
 * @param late how late at {@code firedAt}; zero or negative before the due time
 * @param ticket ticket context
 * @param commitment the promise, for commitment alerts; null otherwise
 * @param sla the service level, for SLA alerts; null otherwise
 * @param nextStep what the user is (or was) told about when they will hear from the desk: on
 *        {@link AlertKind#COMMITMENT_OVERDUE_USER}, the time the apology names, itself tracked as a promise; on a later
 *        staff alert about the same promise ({@link AlertKind#ESCALATED}), what the user was told and when; else null
 */
public record Alert(
        String alertId,
        AlertKind kind,
        int level,
        String ticketId,
        String source,
        Instant firedAt,
        Instant dueAt,
        Duration late,
        TicketContext ticket,
        CommitmentContext commitment,
        SlaContext sla,
        NextStep nextStep) {

    /** The ticket this alert is about; its {@link TicketRef#recordKey()} is the record key. */
    public TicketRef ticketRef() {
        return new TicketRef(source, ticketId);
    }

    public record TicketContext(
            String subject,
            Priority priority,
            TicketStatus status,
            Person requester,
            Person assignee,
            String team) {
    }

    /**
     * @param agentWords the body of the interaction in which the agent made the promise, as they wrote it
     * @param origin REQUEST (the structured field) or TEXT (recognised in the agent's words); null in alerts raised
     *        before promises were recognised, read as REQUEST
     * @param quote for a TEXT promise, the sentence in which the agent made it, to be shown back to the user
     * @param round 0 for a promise an agent made; 1 for the next step promised in the user's first apology
     *        (origin {@link CommitmentOrigin#APOLOGY}), 2 for the one promised in the second apology ("de nuevo")
     */
    public record CommitmentContext(
            String commitmentId,
            CommitmentKind kind,
            String description,
            PromisedTo promisedTo,
            Instant madeAt,
            String agentWords,
            CommitmentOrigin origin,
            String quote,
            int round) {
    }

    /**
     * @param target the target as business time (e.g. PT4H), per the ticket's policy
     * @param percent the share of the target used up when the alert fired (75 for a warning, 100 for a breach)
     * @param policy the policy name
     */
    public record SlaContext(SlaMetric metric, Duration target, int percent, String policy) {
    }

    /**
     * The next step an apology promises the user: "you will hear from us before {@code dueAt}".
     *
     * @param commitmentId the promise followup recorded for it (origin {@link CommitmentOrigin#APOLOGY}), owned by the
     *        assignee and kept by the next public agent reply like any other
     * @param toldAt when the user was (or is being) told: the apology alert's {@code firedAt}
     * @param dueAt the time named to the user, within working hours
     */
    public record NextStep(String commitmentId, Instant toldAt, Instant dueAt) {
    }
}
