package dev.promesa.notifier.timeline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.RecipientRole;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.AckedProducer;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.messaging.NotAcknowledgedException;
import dev.promesa.notifier.delivery.MessageIds;

/**
 * Records every email the mail server accepted on its ticket's timeline in followup: drains the {@code sent_email}
 * outbox (written by the statement that marks an email SENT) into {@code notifier.email-sent.v1} events on
 * {@code helpdesk.events.v1}, keyed {@code <source>/<ticketId>} like the ticket's other events, with the ticket's source
 * as {@code ce_source}.
 * <p>
 * One round claims up to {@value #BATCH} rows ({@code FOR UPDATE SKIP LOCKED}, so replicas never publish the same
 * row at once), publishes them and waits for Kafka's acknowledgement ({@code promesa.delivery.timeline-timeout}), then
 * deletes them and commits. Where the guarantee ends: a crash (or a lost connection) between the acknowledgement and
 * the commit publishes those records again, with the same event ids ({@link MessageIds#eventId}), and followup, which
 * applies an event id once per source, ignores the copies. A broker that does not acknowledge pauses the publisher
 * for {@value #PAUSE_SECONDS} s; the rows wait in the outbox, nothing is lost.
 */
@ApplicationScoped
public class SentEmailPublisher {
    static final int BATCH = 200;
    static final long PAUSE_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(SentEmailPublisher.class);

    private static final String CLAIM = """
            select s.notification_id, s.sent_at, n.alert_id, n.recipient, n.audience, n.kind, n.source, n.ticket_id,
                   n.locale, coalesce(c.subject, n.subject) as subject, n.alert_json, c.alert_id as carrier_alert_id
            from sent_email s join notification n on n.id = s.notification_id
                 left join notification c on c.id = n.carrier_id and c.state = 'SENT'
            order by s.sent_at
            limit ?
            for update of s skip locked
            """;
    private static final String DELETE = "delete from sent_email where notification_id = any(?)";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AckedProducer producer;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    SentEmailPublisher(DataSource dataSource, ObjectMapper json, KafkaClients kafka, Clock clock,
            NotifierConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.producer = kafka.producer("notifier-sent-emails", config.delivery().timelineTimeout());
        this.clock = clock;
    }

    /** One claimed outbox row: what the record says, and which row to delete once Kafka has it. */
    record Pending(UUID notificationId, String source, EmailSent email) {
    }

    /**
     * Publishes one round of sent emails' timeline records.
     *
     * @return how many were published (0 when the outbox is empty or the publisher pauses after a failure)
     */
    public int publishPending() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Pending> pending = claim(connection);
                if (pending.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                producer.sendAll(pending.stream().map(this::toRecord).toList());
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    delete.setArray(1, connection.createArrayOf("uuid",
                            pending.stream().map(Pending::notificationId).toArray()));
                    delete.executeUpdate();
                }
                connection.commit();
                LOG.debugf("Recorded %d sent email(s) on their tickets' timelines (%s)", pending.size(),
                        Topics.HELPDESK_EVENTS);
                return pending.size();
            } catch (NotAcknowledgedException e) {
                connection.rollback();
                pausedUntil = clock.instant().plusSeconds(PAUSE_SECONDS);
                LOG.warnf("Could not record sent emails on their tickets' timelines yet: %s. They wait in the outbox "
                        + "(table sent_email); retrying in %d s. Check the Kafka connection (kafka.bootstrap.servers "
                        + "and the other kafka.* settings).", e.getMessage(), PAUSE_SECONDS);
                return 0;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or update the outbox of sent emails (table sent_email): "
                    + e.getMessage(), e);
        }
    }

    private List<Pending> claim(Connection connection) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, BATCH);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    String alertId = rows.getString("alert_id");
                    String recipient = rows.getString("recipient");
                    // an alert carried by an apology or a digest: the email's Message-ID is its carrier's
                    String carrierAlertId = rows.getString("carrier_alert_id");
                    String emailAlertId = carrierAlertId != null ? carrierAlertId : alertId;
                    EmailSent email = new EmailSent(MessageIds.eventId(alertId, recipient), rows.getString("ticket_id"),
                            rows.getObject("sent_at", OffsetDateTime.class).toInstant(), alertId,
                            AlertKind.valueOf(rows.getString("kind")), commitmentOf(rows.getString("alert_json")),
                            RecipientRole.valueOf(rows.getString("audience")), recipient, rows.getString("subject"),
                            rows.getString("locale"), MessageIds.of(emailAlertId, recipient));
                    pending.add(new Pending(rows.getObject("notification_id", UUID.class), rows.getString("source"),
                            email));
                }
            }
        }
        return pending;
    }

    /** The promise the alert was about: read from the alert as it was received; null for other alerts. */
    private String commitmentOf(String alertJson) {
        try {
            JsonNode id = json.readTree(alertJson).path("commitment").path("commitmentId");
            return id.isTextual() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null; // it was read when it arrived; the record is still worth having without the promise
        }
    }

    ProducerRecord<String, String> toRecord(Pending p) {
        EmailSent email = p.email();
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(email.eventId(), CloudEvents.TYPE_EMAIL_SENT, p.source(), email.sentAt(), email.ticketId())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return new ProducerRecord<>(Topics.HELPDESK_EVENTS, null,
                    new TicketRef(p.source(), email.ticketId()).recordKey(), json.writeValueAsString(email), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the record of email " + email.eventId() + " cannot be written as JSON", e);
        }
    }
}
