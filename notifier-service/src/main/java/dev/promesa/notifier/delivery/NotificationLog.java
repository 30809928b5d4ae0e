package dev.promesa.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;
import dev.promesa.notifier.template.RenderedMail;

/**
 * Writes the notification log. Every write is {@code INSERT … ON CONFLICT (alert_id, recipient) DO NOTHING}, so a
 * redelivered alert — even one handled by two replicas at once during a rebalance — can never create a second email.
 */
@ApplicationScoped
public class NotificationLog {

    private static final String INSERT = """
            insert into notification (id, alert_id, recipient, audience, kind, ticket_id, locale, subject, text_body,
                                      html_body, alert_json, state, attempts, next_attempt_at, last_error, created_at)
            values (:id, :alertId, :recipient, :audience, :kind, :ticketId, :locale, :subject, :textBody,
                    :htmlBody, :alertJson, :state, 0, :nextAttemptAt, :lastError, :createdAt)
            on conflict (alert_id, recipient) do nothing
            """;

    private final EntityManager em;
    private final Event<NotificationsRecorded> recorded;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    NotificationLog(EntityManager em, Event<NotificationsRecorded> recorded, DeliveryMetrics metrics, Clock clock) {
        this.em = em;
        this.recorded = recorded;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Recipients that already have a notification for this alert (so a redelivery renders nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> recipientsOf(String alertId) {
        List<String> keys = em.createQuery("select n.recipient from Notification n where n.alertId = :alertId",
                String.class).setParameter("alertId", alertId).getResultList();
        return new HashSet<>(keys);
    }

    /** Queues an email for the sender. @return false if this (alert, recipient) was already recorded */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordPending(Alert alert, Recipient recipient, RenderedMail mail, String alertJson) {
        Instant now = clock.instant();
        return insert(alert, recipient, mail.language(), mail, alertJson, NotificationState.PENDING, now, null, now);
    }

    /** Records, visibly, that nobody can receive this email; the dead-letter publisher will put the alert on the DLQ. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordUnresolved(Alert alert, Unresolved unresolved, String language, String alertJson) {
        boolean inserted = insert(alert, unresolved, language, null, alertJson, NotificationState.FAILED, null,
                unresolved.reason(), clock.instant());
        if (inserted) {
            metrics.failed(alert.kind().name(), "no-recipient");
        }
        return inserted;
    }

    /** Tells the sender (after commit) that new emails wait. */
    public void announce(String alertId, int count) {
        if (count > 0) {
            recorded.fire(new NotificationsRecorded(alertId, count));
        }
    }

    private boolean insert(Alert alert, Addressee addressee, String language, RenderedMail mail, String alertJson,
            NotificationState state, Instant nextAttemptAt, String lastError, Instant createdAt) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object> insert = em.createNativeQuery(INSERT).unwrap(NativeQuery.class);
        int rows = insert
                .setParameter("id", UUID.randomUUID())
                .setParameter("alertId", alert.alertId(), StandardBasicTypes.STRING)
                .setParameter("recipient", addressee.key(), StandardBasicTypes.STRING)
                .setParameter("audience", addressee.audience().name(), StandardBasicTypes.STRING)
                .setParameter("kind", alert.kind().name(), StandardBasicTypes.STRING)
                .setParameter("ticketId", alert.ticketId(), StandardBasicTypes.STRING)
                .setParameter("locale", language, StandardBasicTypes.STRING)
                .setParameter("subject", mail == null ? null : mail.subject(), StandardBasicTypes.STRING)
                .setParameter("textBody", mail == null ? null : mail.text(), StandardBasicTypes.STRING)
                .setParameter("htmlBody", mail == null ? null : mail.html(), StandardBasicTypes.STRING)
                .setParameter("alertJson", alertJson, StandardBasicTypes.STRING)
                .setParameter("state", state.name(), StandardBasicTypes.STRING)
                .setParameter("nextAttemptAt", nextAttemptAt, StandardBasicTypes.INSTANT)
                .setParameter("lastError", lastError, StandardBasicTypes.STRING)
                .setParameter("createdAt", createdAt, StandardBasicTypes.INSTANT)
                .executeUpdate();
        if (rows == 0) {
            metrics.duplicate();
        }
        return rows == 1;
    }
}
