package dev.promesa.notifier.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

import dev.promesa.config.NotifierConfig;
import dev.promesa.messaging.Failures;
import dev.promesa.notifier.chat.ChatFailure;
import dev.promesa.notifier.chat.ChatSender;
import dev.promesa.notifier.desk.Desk;
import dev.promesa.notifier.desk.Desks;

/**
 * One sender round: claim up to {@code promesa.delivery.claim-size} due emails with one statement, send them one
 * after another over the mailer's pooled SMTP connections, and record each outcome the moment the server answered.
 * <p>
 * The claim is a lease, not a lock held across SMTP: it moves the rows' {@code next_attempt_at} to now +
 * {@code promesa.delivery.claim-lease} ({@code FOR UPDATE SKIP LOCKED} inside the statement, so two threads or
 * replicas never claim the same row) and commits. A row is only sent while its lease has at least
 * {@code send-timeout} left, so no other sender can claim it while it is being sent; rows left over are handed back.
 * Each accepted email is marked {@code SENT} by its own single-statement commit right after the server's 250: the
 * only duplicate-send window stays one commit per message, never a batch. If the process dies, claimed rows that
 * were not sent become due again when their lease ends.
 */
@ApplicationScoped
public class Deliverer {
    private static final Logger LOG = Logger.getLogger(Deliverer.class);
    /** RFC 3834: the email is automatic, so mail systems send no automatic answer back. */
    public static final String AUTO_SUBMITTED = "Auto-Submitted";

    private static final String CLAIM = """
            update notification set next_attempt_at = ?
            where id in (select id from notification
                         where state = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at
                         limit ?
                         for update skip locked)
            returning id, alert_id, recipient, kind, source, ticket_id, locale, subject, text_body, html_body, attempts,
                      failing_since, channel
            """;
    /**
     * Marks the email SENT and, in the same statement (one commit), queues its record for the ticket's timeline in
     * the {@code sent_email} outbox ({@code timeline.SentEmailPublisher} publishes and deletes it). A chat message
     * is not an email: it gets no timeline record. For a carrier (kind APOLOGY or DIGEST, see
     * {@code carrier.Carriers}) the carrier itself gets no record: each of its MERGED members becomes SENT in the same
     * statement, with its own outbox row. A row withdrawn while it was being sent (WITHDRAWN, see
     * {@code carrier.Withdrawals}) that the server accepted is SENT: what reached the server is sent.
     */
    private static final String MARK_SENT = """
            with sent as (
                update notification set state = 'SENT', attempts = attempts + 1, sent_at = ?, next_attempt_at = null,
                                        last_error = null, failing_since = null
                where id = ? and state in ('PENDING', 'WITHDRAWN')
                returning id, sent_at, kind, channel),
            members as (
                update notification m set state = 'SENT', sent_at = sent.sent_at, next_attempt_at = null
                from sent where m.carrier_id = sent.id and m.state = 'MERGED'
                returning m.id, m.sent_at)
            insert into sent_email (notification_id, sent_at)
            select id, sent_at from sent where kind not in ('APOLOGY', 'DIGEST') and channel = 'EMAIL'
            union all select id, sent_at from members
            on conflict (notification_id) do nothing
            """;
    private static final String RETRY = """
            update notification set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                                    failing_since = coalesce(failing_since, ?)
            where id = ? and state = 'PENDING'
            """;
    /**
     * FAILED; a carrier's MERGED members fail with it (each is dead-lettered with its own alert, and a replay or a
     * resend sends it alone), while the carrier itself, which has no alert of its own, is never dead-lettered.
     */
    private static final String FAIL = """
            with failed as (
                update notification set state = 'FAILED', attempts = attempts + 1, next_attempt_at = null,
                                        last_error = ?, failing_since = coalesce(failing_since, ?),
                                        dead_lettered_at = case when kind in ('APOLOGY', 'DIGEST') then now()
                                                                else dead_lettered_at end
                where id = ? and state = 'PENDING'
                returning id, last_error)
            update notification m set state = 'FAILED', next_attempt_at = null,
                                      last_error = 'the email carrying it failed: ' || failed.last_error
            from failed where m.carrier_id = failed.id and m.state = 'MERGED'
            """;
    private static final String RELEASE = """
            update notification set next_attempt_at = ? where id = any(?) and state = 'PENDING'
            """;

    /** A claimed email, with what it takes to send it. */
    record Claimed(UUID id, String alertId, String recipient, String kind, String source, String ticketId,
            String locale, String subject, String text, String html, int attempts, Instant failingSince,
            String channel) {
        /** A team channel's message rather than an email ({@code chat:<team>}, posted by {@link ChatSender}). */
        boolean chat() {
            return "CHAT".equals(channel);
        }

        String what() {
            return chat() ? "chat message" : "email";
        }
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int retried, int failed) {
        static final Round NOTHING = new Round(0, 0, 0, 0);
    }

    private final DataSource dataSource;
    private final ReactiveMailer mailer;
    private final ChatSender chat;
    private final Desks desks;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final NotifierConfig.Delivery settings;
    private final RetryBudget retries;
    private final Duration lease;

    Deliverer(DataSource dataSource, ReactiveMailer mailer, ChatSender chat, Desks desks, DeliveryMetrics metrics,
            Clock clock, NotifierConfig config) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.chat = chat;
        this.desks = desks;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = config.delivery();
        this.retries = RetryBudget.of(settings);
        // A lease shorter than one send could expire mid-send and let another sender take the row.
        Duration minimum = settings.sendTimeout().multipliedBy(2);
        if (settings.claimLease().compareTo(minimum) < 0) {
            LOG.warnf("promesa.delivery.claim-lease %s is shorter than twice promesa.delivery.send-timeout (%s); "
                    + "using %s", settings.claimLease(), settings.sendTimeout(), minimum);
        }
        this.lease = settings.claimLease().compareTo(minimum) < 0 ? minimum : settings.claimLease();
    }

    Duration lease() {
        return lease;
    }

    RetryBudget retries() {
        return retries;
    }

    /** Claims, sends and records one round of due emails. */
    public Round deliverDue() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            long claimedAt = System.nanoTime();
            List<Claimed> claimed = claim(connection);
            if (claimed.isEmpty()) {
                return Round.NOTHING;
            }
            int sent = 0;
            int retried = 0;
            int failed = 0;
            for (int i = 0; i < claimed.size(); i++) {
                if (Duration.ofNanos(System.nanoTime() - claimedAt).plus(settings.sendTimeout()).compareTo(lease) > 0) {
                    release(connection, claimed.subList(i, claimed.size()));
                    break;
                }
                switch (send(connection, claimed.get(i))) {
                    case SENT -> sent++;
                    case PENDING -> retried++;
                    case FAILED -> failed++;
                }
            }
            return new Round(claimed.size(), sent, retried, failed);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim or record emails in the notification log: "
                    + e.getMessage(), e);
        }
    }

    private List<Claimed> claim(Connection connection) throws SQLException {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, Timestamp.from(now.plus(lease)));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setInt(3, Math.max(1, settings.claimSize()));
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject("id", UUID.class), rows.getString("alert_id"),
                            rows.getString("recipient"), rows.getString("kind"), rows.getString("source"),
                            rows.getString("ticket_id"),
                            rows.getString("locale"), rows.getString("subject"), rows.getString("text_body"),
                            rows.getString("html_body"), rows.getInt("attempts"),
                            instant(rows.getTimestamp("failing_since")), rows.getString("channel")));
                }
            }
        }
        return claimed;
    }

    private NotificationState send(Connection connection, Claimed n) throws SQLException {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        try {
            // the one place the channels part: an email over SMTP, or a team channel's message over its webhook
            if (n.chat()) {
                chat.send(n.source(), n.recipient(), n.text());
            } else {
                mailer.send(toMail(n, desks.of(n.source()))).await().atMost(settings.sendTimeout());
            }
        } catch (RuntimeException e) {
            return onFailure(connection, n, e, startedAt, Duration.ofNanos(System.nanoTime() - started));
        }
        // The server accepted it: record that at once, in its own commit (the duplicate window is this statement).
        update(connection, MARK_SENT, Timestamp.from(clock.instant()), n.id());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.sent(n.source(), n.kind(), took);
        LOG.infof("Sent %s %s for alert %s (ticket %s) to %s in %d ms", n.kind(), n.what(), n.alertId(),
                n.ticketId(), n.recipient(), took.toMillis());
        return NotificationState.SENT;
    }

    private NotificationState onFailure(Connection connection, Claimed n, RuntimeException e, Instant startedAt,
            Duration took) throws SQLException {
        String error = describe(e);
        int attempt = n.attempts() + 1;
        Instant now = clock.instant();
        Instant failingSince = n.failingSince() == null ? startedAt : n.failingSince();
        if (e instanceof ChatFailure refused && !refused.retryable()) {
            // the chat refused the message (4xx): the same request would get the same answer
            update(connection, FAIL, "refused: " + error, Timestamp.from(failingSince), n.id());
            metrics.sendFailedForGood(n.source(), n.kind(), n.chat() ? "chat" : "smtp", took);
            LOG.errorf(
                    "The chat refused the %s message for alert %s (ticket %s) to %s: %s. Not retried; the alert goes "
                            + "to the dead-letter topic. Fix the channel's settings, then send it with POST "
                            + "/api/v1/notifications/%s/resend or by replaying the dead letter.",
                    n.kind(), n.alertId(), n.ticketId(), n.recipient(), error, n.id());
            return NotificationState.FAILED;
        }
        RetryBudget.Decision decision = retries.afterFailure(attempt, failingSince, startedAt, now);
        if (decision instanceof RetryBudget.GiveUp giveUp) {
            update(connection, FAIL, "gave up after " + attempt + " attempts in " + RetryBudget.human(giveUp.triedFor())
                    + ": " + error, Timestamp.from(failingSince), n.id());
            metrics.sendFailedForGood(n.source(), n.kind(), n.chat() ? "chat" : "smtp", took);
            LOG.errorf("Giving up on %s %s for alert %s (ticket %s) to %s after %d attempts in %s "
                    + "(promesa.delivery.retry-for %s): %s. The alert goes to the dead-letter topic. Once the SMTP server "
                    + "(quarkus.mailer.host/port), or the team's chat, takes messages again, send it with POST "
                    + "/api/v1/notifications/%s/resend or by replaying the dead letter.",
                    n.kind(), n.what(), n.alertId(), n.ticketId(), n.recipient(), attempt,
                    RetryBudget.human(giveUp.triedFor()),
                    RetryBudget.human(retries.retryFor()), error, n.id());
            return NotificationState.FAILED;
        }
        Instant next = ((RetryBudget.RetryAt) decision).next();
        if (e instanceof ChatFailure busy && busy.retryAfter().isPresent() && next.isBefore(now.plus(
                busy.retryAfter().get()))) {
            next = now.plus(busy.retryAfter().get()); // the chat's Retry-After (429, 503) wins over a shorter backoff
        }
        update(connection, RETRY, Timestamp.from(next), error, Timestamp.from(failingSince), n.id());
        metrics.retried(took);
        LOG.warnf("Attempt %d of %s %s for alert %s to %s failed: %s; next attempt at %s (retried until %s)",
                attempt, n.kind(), n.what(), n.alertId(), n.recipient(), error, next,
                failingSince.plus(retries.retryFor()));
        return NotificationState.PENDING;
    }

    /** Hands unsent claimed rows back (due now), so another sender need not wait for their lease to end. */
    private void release(Connection connection, List<Claimed> rows) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setTimestamp(1, Timestamp.from(clock.instant()));
            release.setArray(2, connection.createArrayOf("uuid", rows.stream().map(Claimed::id).toArray()));
            release.executeUpdate();
        }
        LOG.infof("Handed %d claimed email(s) back: the rest of their lease (%s) is too short for another send",
                rows.size(), lease);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    /**
     * The email as the desk sends it: from the desk's name, replies to its mailbox, marked as written by a machine
     * (RFC 3834 {@code Auto-Submitted}, and {@code X-Auto-Response-Suppress} for Exchange, so out-of-office replies do
     * not loop back), with a {@code Message-ID} that every attempt of this (alert, recipient) shares.
     */
    static Mail toMail(Claimed n, Desk desk) {
        return new Mail()
                .setFrom(desk.from())
                .setReplyTo(desk.replyTo())
                .addTo(n.recipient())
                .setSubject(n.subject())
                .setText(n.text())
                .setHtml(n.html())
                .addHeader("Message-ID", MessageIds.of(n.alertId(), n.recipient()))
                .addHeader(AUTO_SUBMITTED, "auto-generated")
                .addHeader("X-Auto-Response-Suppress", "OOF, AutoReply")
                .addHeader("Content-Language", n.locale());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The root cause in one line, at most 1,000 characters: what the notification log keeps as its last error. */
    private static String describe(Throwable e) {
        // a chat's failure says what it is by itself; for anything else the root cause's class is part of the story
        String message = e instanceof ChatFailure chatFailure
                ? chatFailure.getMessage()
                : Failures.oneLine(Failures.root(e));
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
