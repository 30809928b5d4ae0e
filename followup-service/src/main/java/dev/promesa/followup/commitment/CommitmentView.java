package dev.promesa.followup.commitment;

import java.time.Instant;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.PromisedTo;

/** A promise as the read API shows it. {@code late}: past its due time, open or kept late. */
public record CommitmentView(
        String commitmentId,
        String source,
        String ticketId,
        CommitmentKind kind,
        String description,
        PromisedTo promisedTo,
        String agentId,
        String agentWords,
        Instant madeAt,
        Instant dueAt,
        int revision,
        CommitmentState state,
        boolean late,
        Instant closedAt,
        String closedByEventId) {

    public static CommitmentView of(Commitment c, Instant now) {
        boolean late = c.state == CommitmentState.OPEN ? now.isAfter(c.dueAt) : c.breached;
        return new CommitmentView(c.id, c.source, c.ticketId, c.kind, c.description, c.promisedTo, c.agentId, c.agentWords,
                c.madeAt, c.dueAt, c.revision, c.state, late, c.closedAt, c.closedByEventId);
    }
}
