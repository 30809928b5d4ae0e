package dev.promesa.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.DeadLetter;
import dev.promesa.messaging.DeadLetterPublisher;
import dev.promesa.messaging.KafkaClients;

/**
 * Puts the alert of every FAILED notification on {@code followup.alerts.v1.dlq} in messaging's dead-letter format, with
 * the reason and the recipient in headers. Driven from the notification log (not fired next to the state change), so a
 * broker outage delays dead letters but never loses one: a row counts as dead-lettered only once the broker
 * acknowledged it.
 */
@ApplicationScoped
public class DeadLetters {
    /** Who the failed email was for: the full address, so an operator can replay it to the right person. */
    public static final String HEADER_RECIPIENT = "dead-letter-recipient";
    public static final String HEADER_NOTIFICATION = "dead-letter-notification-id";
    public static final String HEADER_ATTEMPTS = "dead-letter-attempts";

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
    private final DeadLetterPublisher publisher;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    /** After the broker failed to acknowledge, give it a moment instead of blocking the senders on every round. */
    private volatile Instant pausedUntil = Instant.MIN;

    DeadLetters(EntityManager em, KafkaClients kafka, DeliveryMetrics metrics, Clock clock, NotifierConfig config) {
        this.em = em;
        this.publisher = new DeadLetterPublisher(
                kafka.producer("notifier-failed-notifications", config.delivery().deadLetterTimeout()),
                Topics.ALERTS_DLQ);
        this.metrics = metrics;
        this.clock = clock;
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
                publisher.publish(List.of(deadLetter(n)));
            } catch (RuntimeException e) {
                // Keep what was acknowledged so far; the rest is tried again after a pause.
                pausedUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
                LOG.warnf("Could not dead-letter alert %s (notification %s) yet: %s; retrying in %s. Check the Kafka "
                        + "connection (kafka.bootstrap.servers and the other kafka.* settings).", n.alertId, n.id, e,
                        PAUSE_AFTER_FAILURE);
                break;
            }
            n.deadLetteredAt = clock.instant();
            metrics.deadLettered();
            published++;
            LOG.warnf("Dead-lettered alert %s for %s on %s: %s", n.alertId, n.recipient, Topics.ALERTS_DLQ,
                    n.lastError);
        }
        return published;
    }

    /** The alert as it came, keyed by its ticket, with the reason, the recipient and its own CloudEvents headers. */
    static DeadLetter deadLetter(Notification n) {
        return DeadLetter.of(new TicketRef(n.source, n.ticketId).recordKey(), n.alertJson, Topics.ALERTS,
                n.lastError, "notification " + n.id)
                .with(HEADER_RECIPIENT, n.recipient)
                .with(HEADER_NOTIFICATION, n.id.toString())
                .with(HEADER_ATTEMPTS, Integer.toString(n.attempts))
                .with(CloudEvents.headers(n.alertId, CloudEvents.TYPE_ALERT, n.source, null, n.ticketId));
    }
}
