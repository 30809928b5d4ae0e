package dev.promesa.followup.ticket;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.persistence.SourceKey;
import dev.promesa.followup.sla.ClockTicket;

/** The latest known state of a help desk ticket, as far as follow-up needs it. Identity: (source, id). */
@Entity
@IdClass(SourceKey.class)
public class Ticket extends PanacheEntityBase implements ClockTicket {

    /** The help desk the ticket belongs to. */
    @Id
    public String source;
    /** The help desk's own ticket id: unique within its source only. */
    @Id
    public String id;
    public String subject;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "id", column = @Column(name = "requester_id")),
            @AttributeOverride(name = "name", column = @Column(name = "requester_name")),
            @AttributeOverride(name = "email", column = @Column(name = "requester_email")),
            @AttributeOverride(name = "locale", column = @Column(name = "requester_locale")),
            @AttributeOverride(name = "timeZone", column = @Column(name = "requester_time_zone"))})
    public PersonColumns requester;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "id", column = @Column(name = "assignee_id")),
            @AttributeOverride(name = "name", column = @Column(name = "assignee_name")),
            @AttributeOverride(name = "email", column = @Column(name = "assignee_email")),
            @AttributeOverride(name = "locale", column = @Column(name = "assignee_locale")),
            @AttributeOverride(name = "timeZone", column = @Column(name = "assignee_time_zone"))})
    public PersonColumns assignee;

    public String team;
    public String slaPolicy;
    /** Only interactions seen so far; the next snapshot fills in the rest. */
    public boolean placeholder;
    public Instant createdAt;
    public Instant lastSnapshotAt;
    public Instant resolvedAt;
    /** How often the ticket was reopened after being resolved or closed. */
    public int recurrences;
    /** SLA clocks are paused because the ticket waits on the user. */
    public boolean clocksPaused;
    public Instant updatedAt;
    /** FIRST_RESPONSE and RESOLUTION have been started (a placeholder has none until its first snapshot). */
    public boolean clocksStarted;
    /** The number the next NEXT_UPDATE cycle gets. */
    public int nextUpdateCycle;
    /** The first public agent response on the timeline, if any. */
    public Instant firstResponseAt;

    public static Ticket find(TicketRef ref) {
        return findById(new SourceKey(ref.source(), ref.ticketId()));
    }

    @Override
    public TicketRef ref() {
        return new TicketRef(source, id);
    }

    public boolean isDone() {
        return status != null && status.isDone();
    }

    @Override
    public Priority priority() {
        return priority;
    }

    @Override
    public String slaPolicy() {
        return slaPolicy;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean done() {
        return isDone();
    }

    @Override
    public boolean clocksPaused() {
        return clocksPaused;
    }

    @Override
    public void clocksPaused(boolean paused) {
        clocksPaused = paused;
    }

    @Override
    public int takeNextUpdateCycle() {
        return nextUpdateCycle++;
    }

    @Override
    public int lastNextUpdateCycle() {
        return nextUpdateCycle - 1;
    }

    /** The context every alert about this ticket carries, so the notifier never calls back. */
    @Override
    public Alert.TicketContext context() {
        return new Alert.TicketContext(subject, priority, status, PersonColumns.toPerson(requester),
                PersonColumns.toPerson(assignee), team);
    }
}
