package dev.promesa.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

import dev.promesa.notifier.NotifierConfig;

/**
 * Sends one due email per call, in its own short transaction: claim the row ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas never take the same one), talk to the SMTP server, record the outcome, commit. The row stays locked during
 * the SMTP conversation; the only duplicate-send window is a crash between the server's accept and this commit.
 */
@ApplicationScoped
public class Deliverer {
    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    private static final String CLAIM_DUE = """
            select * from notification
            where state = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at
            limit 1
            for update skip locked
            """;

    private final EntityManager em;
    private final ReactiveMailer mailer;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final NotifierConfig.Delivery settings;
    private final Backoff backoff;

    Deliverer(EntityManager em, ReactiveMailer mailer, DeliveryMetrics metrics, Clock clock, NotifierConfig config) {
        this.em = em;
        this.mailer = mailer;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = config.delivery();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    }

    /** @return the state the claimed email ended in, or empty if nothing was due */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<NotificationState> deliverNext() {
        @SuppressWarnings("unchecked")
        List<Notification> due = em.createNativeQuery(CLAIM_DUE, Notification.class)
                .setParameter("now", clock.instant()).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Notification n = due.get(0);
        long started = System.nanoTime();
        try {
            mailer.send(toMail(n)).await().atMost(settings.sendTimeout());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            n.markSent(clock.instant());
            metrics.sent(n.kind, took);
            LOG.infof("Sent %s email for alert %s (ticket %s) to %s in %d ms", n.kind, n.alertId, n.ticketId,
                    n.recipient, took.toMillis());
        } catch (RuntimeException e) {
            onFailure(n, e, Duration.ofNanos(System.nanoTime() - started));
        }
        return Optional.of(n.state);
    }

    private void onFailure(Notification n, RuntimeException e, Duration took) {
        String error = describe(e);
        int attempt = n.attempts + 1;
        if (attempt >= settings.maxAttempts()) {
            n.markFailed("gave up after " + attempt + " attempts: " + error);
            metrics.sendFailedForGood(n.kind, took);
            LOG.errorf("Giving up on %s email for alert %s (ticket %s) to %s after %d attempts: %s. The alert goes to "
                    + "the dead-letter topic; check the SMTP server (quarkus.mailer.host/port) and replay it from there.",
                    n.kind, n.alertId, n.ticketId, n.recipient, attempt, error);
        } else {
            Instant next = clock.instant().plus(backoff.after(attempt));
            n.retryAt(next, error);
            metrics.retried(took);
            LOG.warnf("Attempt %d/%d of %s email for alert %s to %s failed: %s; next attempt at %s", attempt,
                    settings.maxAttempts(), n.kind, n.alertId, n.recipient, error, next);
        }
    }

    static Mail toMail(Notification n) {
        return new Mail()
                .addTo(n.recipient)
                .setSubject(n.subject)
                .setText(n.textBody)
                .setHtml(n.htmlBody)
                .addHeader("Message-ID", MessageIds.of(n.alertId, n.recipient))
                .addHeader("Content-Language", n.locale);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
