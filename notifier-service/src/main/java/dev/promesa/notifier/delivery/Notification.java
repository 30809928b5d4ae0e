package dev.promesa.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One email of one alert to one recipient, and where its delivery stands. Rows are created by {@link NotificationLog}. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_id")
    public String alertId;

    /** E-mail address (lower case), or {@code unresolved:<audience>} when nobody could be found. */
    public String recipient;

    public String audience;

    public String kind;

    /** The help desk the alert's ticket belongs to. */
    public String source;

    @Column(name = "ticket_id")
    public String ticketId;

    public String locale;

    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "alert_json")
    public String alertJson;

    @Enumerated(EnumType.STRING)
    public NotificationState state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;

    /** The first failed attempt of the current run of failures; its retries end {@code retry-for} after it. */
    @Column(name = "failing_since")
    public Instant failingSince;

    /** How often this email was put back from FAILED to PENDING. */
    public int resends;

    @Column(name = "resent_at")
    public Instant resentAt;

    /** What put it back the last time: {@link Resend.Via}. */
    @Column(name = "resent_via")
    public String resentVia;

    /** A staff email that waited for the recipient's working hours: the working instant it waited for; else null. */
    @Column(name = "held_until")
    public Instant heldUntil;

    /** The email that carries this one (state MERGED, or SENT / FAILED with it); null when it goes alone. */
    @Column(name = "carrier_id")
    public UUID carrierId;

    /** A carrier's own due time (kind APOLOGY or DIGEST); null for other rows. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Why it was withdrawn: the reason of followup's withdrawal (KEPT, RESOLVED…). */
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
}
