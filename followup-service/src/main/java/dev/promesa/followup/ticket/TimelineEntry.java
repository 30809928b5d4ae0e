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

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Visibility;

/** One documented interaction on a ticket's timeline. */
@Entity
@Table(name = "interaction")
@IdClass(TimelineEntry.Key.class)
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public String source;
    /** Unique within its source only. */
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

    public static class Key implements Serializable {
        public String source;
        public String eventId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && source.equals(key.source) && eventId.equals(key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, eventId);
        }
    }
}
