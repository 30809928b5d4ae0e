package dev.promesa.followup.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Visibility;

/** One documented interaction on a ticket's timeline. */
@Entity
@Table(name = "interaction")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public String eventId;
    public String ticketId;
    /** Filled by the database (bigserial): the order in which follow-up processed the ticket's events. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public InteractionKind kind;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String authorId;
    @Enumerated(EnumType.STRING)
    public AuthorRole authorRole;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public String body;
    /** The commitment made in this interaction, if any. */
    public String commitmentId;
    /** Comma-separated ids of the commitments this interaction says it keeps. */
    public String fulfils;
}
