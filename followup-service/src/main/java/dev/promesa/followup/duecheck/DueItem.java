package dev.promesa.followup.duecheck;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.TicketRef;

/**
 * An alert waiting for its time, or a withdrawal of published alerts waiting to be published. The due-check worker
 * claims, publishes and deletes it.
 */
@Entity
public class DueItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Deterministic: the same subject, kind and level always give the same id (see {@link AlertIds}). */
    public String alertId;
    public String source;
    public String ticketId;
    /** An {@link AlertKind}'s name, or {@code ALERT_WITHDRAWN} for a withdrawal waiting to be published. */
    public String kind;
    public int level;
    public Instant dueAt;
    public String commitmentId;
    public Long slaClockId;
    /** For SLA alerts: the share of the target used up at {@link #dueAt}. */
    public Integer percent;

    public TicketRef ticket() {
        return new TicketRef(source, ticketId);
    }
}
