package dev.promesa.followup.ticket;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.RecipientRole;

/**
 * One thing done on a ticket that did not come from its help desk: a person confirming, rescheduling, cancelling or
 * keeping a promise through the API, or an email Promesa sent about it. It takes its place on the ticket's timeline
 * beside the interactions, in the order followup recorded them (both draw {@code seq} from one sequence).
 */
@Entity
@Table(name = "ticket_activity")
@IdClass(TicketActivity.Key.class)
public class TicketActivity extends PanacheEntityBase {

    @Id
    public String source;
    /** Unique within its source. */
    @Id
    public String id;
    public String ticketId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public ActivityType type;
    /** Who did it. */
    public String actorId;
    public String commitmentId;
    /** The promise's due time after the action. */
    public Instant dueAt;
    public String reason;
    /** EMAIL_SENT: who it was written for, the address it went to, the alert's kind, the subject as sent. */
    @Enumerated(EnumType.STRING)
    public RecipientRole recipientRole;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public AlertKind alertKind;
    public String subject;

    public static class Key implements Serializable {
        public String source;
        public String id;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && source.equals(key.source) && id.equals(key.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, id);
        }
    }
}
