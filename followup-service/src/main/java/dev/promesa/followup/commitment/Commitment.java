package dev.promesa.followup.commitment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.persistence.SourceKey;

/** A promise an agent made on a ticket. Identity: (source, id); commitment ids are unique per source only. */
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

    public Alert.CommitmentContext context() {
        return new Alert.CommitmentContext(id, kind, description, promisedTo, madeAt, agentWords);
    }
}
