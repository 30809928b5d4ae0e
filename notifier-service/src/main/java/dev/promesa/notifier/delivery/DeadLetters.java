package dev.promesa.notifier.delivery;

import dev.promesa.config.NotifierConfig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.recipient.EmailAddresses;

/**
 * Puts the alert of every FAILED notification on {@code followup.alerts.v1.dlq}, with the reason and the recipient in
 * headers. Driven from the notification log (not fired next to the state change), so a broker outage delays dead
 * letters but never loses one: a row counts as dead-lettered only once the broker acknowledged it.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String CHANNEL = "alerts-dead-letters";
    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_RECIPIENT = "dead-letter-recipient";
    public static final String HEADER_NOTIFICATION = "dead-letter-notification-id";
    public static final String HEADER_ATTEMPTS = "dead-letter-attempts";
    public static final String HEADER_TOPIC = "dead-letter-topic";

    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private static final String CLAIM_FAILED = """
            select * from notification
            where state = 'FAILED' and dead_lettered_at is null
            order by created_at
            limit 20
            for update skip locked
            """;

    private final EntityManager em;
    private final MutinyEmitter<String> emitter;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final NotifierConfig.Delivery settings;
    /** After the broker failed to acknowledge, give it a moment instead of blocking the senders on every round. */
    private volatile Instant pausedUntil = Instant.MIN;

    DeadLetters(EntityManager em, @Channel(CHANNEL) MutinyEmitter<String> emitter, DeliveryMetrics metrics, Clock clock,
            NotifierConfig config) {
        this.em = em;
        this.emitter = emitter;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = config.delivery();
    }

    /** @return how many dead letters were published */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int publishPending() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Notification> failed = em.createNativeQuery(CLAIM_FAILED, Notification.class).getResultList();
        int published = 0;
        for (Notification n : failed) {
            try {
                emitter.sendMessage(toRecord(n)).await().atMost(settings.deadLetterTimeout());
            } catch (RuntimeException e) {
                // Keep what was acknowledged so far; the rest is tried again after a pause.
                pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
                LOG.warnf("Could not dead-letter alert %s (notification %s) yet: %s; retrying in %s. Check the Kafka "
                        + "connection (kafka.bootstrap.servers).", n.alertId, n.id, e.toString(), PAUSE_AFTER_FAILURE);
                break;
            }
            n.deadLetteredAt = clock.instant();
            metrics.deadLettered();
            published++;
            LOG.warnf("Dead-lettered alert %s for %s on %s: %s", n.alertId, EmailAddresses.masked(n.recipient),
                    Topics.ALERTS_DLQ, EmailAddresses.maskedIn(n.lastError));
        }
        return published;
    }

    private static Message<String> toRecord(Notification n) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, HEADER_REASON, n.lastError);
        header(headers, HEADER_RECIPIENT, n.recipient);
        header(headers, HEADER_NOTIFICATION, n.id.toString());
        header(headers, HEADER_ATTEMPTS, Integer.toString(n.attempts));
        header(headers, HEADER_TOPIC, Topics.ALERTS);
        CloudEvents.headers(n.alertId, CloudEvents.TYPE_ALERT, n.source, null, n.ticketId)
                .forEach((name, value) -> header(headers, name, value));
        return Message.of(n.alertJson).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(new TicketRef(n.source, n.ticketId).recordKey()).withHeaders(headers).build());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
