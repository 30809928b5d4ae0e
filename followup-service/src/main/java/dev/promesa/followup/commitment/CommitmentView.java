package dev.promesa.followup.commitment;

import java.time.Instant;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.PromisedTo;

/**
 * A promise as the read API shows it. {@code late}: past its due time, open or kept late. {@code origin} TEXT: found
 * in the agent's words, with the sentence ({@code quote}) and how sure the recognizer was ({@code confidence}).
 * {@code dueAt} is null only for a vague suggestion. {@code origin} APOLOGY: the next step Promesa promised the user
 * in a late-promise email ({@code round} 1, or 2 for the second apology; 0 for an agent's promise).
 */
public record CommitmentView(
        String commitmentId,
        String source,
        String ticketId,
        CommitmentKind kind,
        String description,
        PromisedTo promisedTo,
        CommitmentOrigin origin,
        String quote,
        Double confidence,
        int round,
        String agentId,
        String agentWords,
        String madeByEventId,
        Instant madeAt,
        Instant dueAt,
        int revision,
        CommitmentState state,
        boolean late,
        Instant closedAt,
        String closedByEventId) {

    public static CommitmentView of(Commitment c, Instant now) {
        boolean late = c.state == CommitmentState.OPEN ? c.dueAt != null && now.isAfter(c.dueAt) : c.breached;
        return new CommitmentView(c.id, c.source, c.ticketId, c.kind, c.description, c.promisedTo, c.origin, c.quote,
                c.confidence, c.round, c.agentId, c.agentWords, c.madeByEventId, c.madeAt, c.dueAt, c.revision, c.state,
                late,
                c.closedAt, c.closedByEventId);
    }
}
