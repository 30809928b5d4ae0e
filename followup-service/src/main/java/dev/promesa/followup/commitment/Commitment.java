package dev.promesa.followup.commitment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.persistence.SourceKey;

/** A promise made on a ticket: by an agent, or by Promesa in an apology (origin APOLOGY). Identity: (source, id); commitment ids are unique per source only. */
@Entity
@IdClass(SourceKey.class)
public class Commitment extends PanacheEntityBase {

    @Id
    public String source;
    @Id
    public String id;
    public String ticketId;
    @Enumerated(EnumType.STRING)
    public CommitmentKind kind;
    public String description;
    @Enumerated(EnumType.STRING)
    public PromisedTo promisedTo;
    public Instant madeAt;
    public String madeByEventId;
    public String agentId;
    /** The body of the interaction in which the promise was made, as the agent wrote it. */
    public String agentWords;
    /**
     * REQUEST (the structured field), TEXT (recognised in the agent's words) or APOLOGY (the next step Promesa promised
     * the user in a late-promise email).
     */
    @Enumerated(EnumType.STRING)
    public CommitmentOrigin origin = CommitmentOrigin.REQUEST;
    /** For a TEXT promise: the sentence the agent wrote. */
    public String quote;
    /** 0 for an agent's promise; for an APOLOGY one, the apology that promised it (1, then 2: there is no third). */
    public int round;
    /** For a TEXT promise: how sure the recognizer was, 0 to 1. */
    public Double confidence;
    /** Null only for a vague suggestion ("en breve") until an agent gives it a time. */
    public Instant dueAt;
    /** Starts at 1; each reschedule (or reuse of a closed id) adds one, so alert ids of a new due time are new. */
    public int revision;
    @Enumerated(EnumType.STRING)
    public CommitmentState state;
    /** The due time passed while the promise was open. */
    public boolean breached;
    public Instant closedAt;
    public String closedByEventId;

    public TicketRef ticket() {
        return new TicketRef(source, ticketId);
    }

    /** Open or suggested: a later reply may still keep it, an agent may still act on it. */
    public boolean active() {
        return state == CommitmentState.OPEN || state == CommitmentState.SUGGESTED;
    }

    public Alert.CommitmentContext context() {
        return new Alert.CommitmentContext(id, kind, description, promisedTo, madeAt, agentWords, origin, quote, round);
    }
}
