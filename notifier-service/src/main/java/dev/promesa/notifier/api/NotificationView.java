package dev.promesa.notifier.api;

import java.time.Instant;
import java.util.UUID;

import dev.promesa.notifier.delivery.Notification;
import dev.promesa.notifier.delivery.NotificationState;
import dev.promesa.notifier.writeback.WriteBackView;

/**
 * One notification as the read API shows it; the bodies only with {@code ?bodies=true} or by id; {@code writeBack}, the
 * internal note about it in the help desk, when its email gets one. {@code failingSince}: the first failed attempt of
 * the current run of failures (retries end {@code promesa.delivery.retry-for} after it). {@code resends}: how often a
 * FAILED email was queued again, the last time at {@code resentAt}, {@code resentVia} {@code api} (an operator's
 * resend) or {@code replay} (its alert arrived again); {@code attempts} counts since then. {@code heldUntil}: a staff
 * email that waited (or waits) for the recipient's working hours, until then; null for one that went at once.
 * {@code carrierId}: the email that carries this one (an apology naming several promises, a staff digest);
 * {@code dueAt}: a carrier's due time; {@code withdrawnAt} / {@code withdrawnReason}: when and why it was withdrawn
 * (state WITHDRAWN; on a SENT row, the withdrawal came while the mail server was taking it).
 */
public record NotificationView(
        UUID id,
        String alertId,
        String kind,
        String source,
        String ticketId,
        String recipient,
        String audience,
        String locale,
        String subject,
        NotificationState state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        Instant deadLetteredAt,
        Instant failingSince,
        int resends,
        Instant resentAt,
        String resentVia,
        Instant heldUntil,
        UUID carrierId,
        Instant dueAt,
        Instant withdrawnAt,
        String withdrawnReason,
        String textBody,
        String htmlBody,
        WriteBackView writeBack) {

    static NotificationView of(Notification n, boolean bodies, WriteBackView writeBack) {
        return new NotificationView(n.id, n.alertId, n.kind, n.source, n.ticketId, n.recipient, n.audience, n.locale,
                n.subject, n.state, n.attempts, n.nextAttemptAt, n.lastError, n.createdAt, n.sentAt, n.deadLetteredAt,
                n.failingSince, n.resends, n.resentAt, n.resentVia, n.heldUntil, n.carrierId, n.dueAt, n.withdrawnAt,
                n.withdrawnReason, bodies ? n.textBody : null,
                bodies ? n.htmlBody : null, writeBack);
    }
}
