package dev.promesa.notifier.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

/**
 * Puts a {@code FAILED} email back to {@code PENDING}, due at once, with a fresh retry budget: attempts 0, no failing
 * run, no dead letter yet (a new failure is dead-lettered again); {@code resends}, {@code resent_at} and
 * {@code resent_via} record it. Two ways in, one statement each, both guarded by {@code state = 'FAILED'}: a
 * {@code SENT} email is never put back, so neither way can send a second copy; a row without an email (nobody to
 * send it to) has nothing to send and stays {@code FAILED}.
 * <ul>
 * <li>{@link #byOperator}: {@code POST /api/v1/notifications/{id}/resend};</li>
 * <li>{@link #alertsAgain}: an alert that arrives again (a replayed dead letter) while its email is {@code FAILED}.</li>
 * </ul>
 */
@ApplicationScoped
public class Resend {
    private static final Logger LOG = Logger.getLogger(Resend.class);

    /** What put a notification back. */
    public enum Via {
        /** An operator, through the API. */
        API,
        /** Its alert arrived again: a replayed dead letter. */
        REPLAY;

        /** As stored in {@code resent_via} and shown in the API and the metrics. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The statement's {@code SET} list; parameters: due at, resent at, via. */
    private static final String PUT_BACK = """
            state = 'PENDING', attempts = 0, next_attempt_at = ?, failing_since = null, dead_lettered_at = null,
            resends = resends + 1, resent_at = ?, resent_via = ?
            """;
    /** A carrier (kind APOLOGY or DIGEST) is not put back: its members are, each alone. */
    private static final String PUTTABLE_BACK = "state = 'FAILED' and text_body is not null and kind not in ('APOLOGY', 'DIGEST')";
    private static final String BY_ID = "update notification set " + PUT_BACK + " where id = ? and " + PUTTABLE_BACK;
    private static final String BY_PAIRS = "update notification set " + PUT_BACK + " where " + PUTTABLE_BACK + """
             and (alert_id, recipient) in (select * from unnest(?::text[], ?::text[]))
            returning alert_id, recipient
            """;
    private static final String LOOK_UP = """
            select source, state, text_body is not null and kind not in ('APOLOGY', 'DIGEST') as has_email,
                   case when kind in ('APOLOGY', 'DIGEST') then 'an email that carried several alerts: resend each '
                        || 'of its notifications (carrierId) instead' else last_error end as last_error,
                   alert_id, recipient
            from notification where id = ?
            """;

    /** How an operator's resend ended. */
    public sealed interface Outcome {
    }

    /** Back to PENDING, due now. */
    public record Queued() implements Outcome {
    }

    /** No such notification, or another source's. */
    public record NotFound() implements Outcome {
    }

    /** A key that may read the notification but not resend it. */
    public record NotAllowed() implements Outcome {
    }

    /** Only a FAILED email can be sent again; this one is {@code state}. */
    public record NotFailed(NotificationState state) implements Outcome {
    }

    /** FAILED because nobody could receive it: there is no email to send; {@code reason} says what to configure. */
    public record NothingToSend(String reason) implements Outcome {
    }

    private final DataSource dataSource;
    private final Event<NotificationsRecorded> recorded;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    Resend(DataSource dataSource, Event<NotificationsRecorded> recorded, DeliveryMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.recorded = recorded;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * An operator's resend of one notification.
     *
     * @param visible whether the caller may see a notification of this source (else it does not exist for them)
     * @param allowed whether the caller may resend (an operator key)
     */
    public Outcome byOperator(UUID id, Predicate<String> visible, boolean allowed) {
        try (Connection connection = dataSource.getConnection()) {
            autocommit(connection);
            String alertId;
            String recipient;
            try (PreparedStatement select = connection.prepareStatement(LOOK_UP)) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || !visible.test(row.getString("source"))) {
                        return new NotFound();
                    }
                    if (!allowed) {
                        return new NotAllowed();
                    }
                    NotificationState state = NotificationState.valueOf(row.getString("state"));
                    if (state != NotificationState.FAILED) {
                        return new NotFailed(state);
                    }
                    if (!row.getBoolean("has_email")) {
                        return new NothingToSend(row.getString("last_error"));
                    }
                    alertId = row.getString("alert_id");
                    recipient = row.getString("recipient");
                }
            }
            int updated;
            try (PreparedStatement update = connection.prepareStatement(BY_ID)) {
                setPutBack(update, Via.API);
                update.setObject(4, id);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                // Between the look-up and the update someone else put it back (a replay, a second operator).
                return new NotFailed(NotificationState.PENDING);
            }
            queued(Via.API, 1);
            LOG.infof("Notification %s (alert %s to %s) was FAILED and is queued again by an operator's resend", id,
                    alertId, recipient);
            return new Queued();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resend notification " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Alerts that arrived again for (alert id, recipient) pairs that are already in the log: those whose email is
     * {@code FAILED} are queued again, in one statement.
     *
     * @param pairs {@code [alertId, recipient]} each
     * @return the pairs queued again, as {@link NewNotification#key(String, String)}s
     */
    Set<String> alertsAgain(Collection<String[]> pairs) {
        Set<String> queued = new HashSet<>();
        if (pairs.isEmpty()) {
            return queued;
        }
        try (Connection connection = dataSource.getConnection()) {
            autocommit(connection);
            try (PreparedStatement update = connection.prepareStatement(BY_PAIRS)) {
                setPutBack(update, Via.REPLAY);
                update.setArray(4, connection.createArrayOf("text", pairs.stream().map(p -> p[0]).toArray()));
                update.setArray(5, connection.createArrayOf("text", pairs.stream().map(p -> p[1]).toArray()));
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        queued.add(NewNotification.key(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue " + pairs.size() + " FAILED notification(s) again: "
                    + e.getMessage(), e);
        }
        if (!queued.isEmpty()) {
            queued(Via.REPLAY, queued.size());
        }
        return queued;
    }

    private void setPutBack(PreparedStatement statement, Via via) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        statement.setTimestamp(1, now);
        statement.setTimestamp(2, now);
        statement.setString(3, via.label());
    }

    /** Wakes the sender once the rows are committed (each statement here is its own autocommitted transaction). */
    private void queued(Via via, int count) {
        for (int i = 0; i < count; i++) {
            metrics.resent(via.label());
        }
        recorded.fire(new NotificationsRecorded(count));
    }

    /** Each statement is its own transaction, committed before the sender is woken. */
    private static void autocommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }
}
