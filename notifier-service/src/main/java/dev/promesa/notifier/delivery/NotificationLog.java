package dev.promesa.notifier.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.promesa.notifier.recipient.Addressee.Unresolved;

/**
 * Writes the notification log. The rows of a whole poll go in with one statement — {@code INSERT … SELECT FROM
 * unnest(…) ON CONFLICT (alert_id, recipient) DO NOTHING RETURNING …} — so a poll costs one round trip and one
 * transaction, and a redelivered alert (even one handled by two replicas at once during a rebalance) can never create
 * a second email. A pair that is already logged with a FAILED email is put back to PENDING instead ({@link Resend}):
 * that is how a replayed dead letter is sent, and never a second copy of what was sent.
 */
@ApplicationScoped
public class NotificationLog {

    private static final String INSERT = """
            insert into notification (id, alert_id, recipient, audience, kind, source, ticket_id, locale, subject,
                                      text_body, html_body, alert_json, state, attempts, next_attempt_at, last_error,
                                      created_at, held_until)
            select id, alert_id, recipient, audience, kind, source, ticket_id, locale, subject, text_body,
                   html_body, alert_json, state, 0,
                   case when state = 'PENDING' then coalesce(held_until::timestamptz, ?::timestamptz) end, last_error,
                   ?::timestamptz, held_until::timestamptz
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as row(id, alert_id, recipient, audience, kind, source, ticket_id, locale, subject, text_body,
                        html_body, alert_json, state, last_error, held_until)
            on conflict (alert_id, recipient) do nothing
            returning alert_id, recipient
            """;

    private static final String KNOWN = "select alert_id, recipient from notification where alert_id = any(?)";

    private final DataSource dataSource;
    private final Event<NotificationsRecorded> recorded;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Resend resend;

    NotificationLog(DataSource dataSource, Event<NotificationsRecorded> recorded, DeliveryMetrics metrics,
            Clock clock, Resend resend) {
        this.dataSource = dataSource;
        this.recorded = recorded;
        this.metrics = metrics;
        this.clock = clock;
        this.resend = resend;
    }

    /**
     * (alert, recipient) pairs already in the log for these alerts, as {@link NewNotification#key()}s, so a redelivery
     * renders nothing. Only a shortcut: the insert's unique key is what guarantees one row.
     */
    public Set<String> knownKeys(Collection<String> alertIds) {
        Set<String> known = new HashSet<>();
        if (alertIds.isEmpty()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(KNOWN)) {
            select.setArray(1, connection.createArrayOf("text", alertIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(NewNotification.key(rows.getString(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the notification log: " + e.getMessage(), e);
        }
        return known;
    }

    /** What {@link #record} did: rows inserted, in the order given, and pairs whose FAILED email was queued again. */
    public record Recorded(List<NewNotification> inserted, Set<String> queuedAgain) {
    }

    /**
     * Writes a poll: inserts the new rows in one statement (one transaction); a pair that is already logged, or twice
     * in {@code rows}, is not inserted. Every pair that was already logged ({@code alreadyLogged}, found by
     * {@link #knownKeys}, or met by the insert's unique key) and whose email is FAILED is put back to PENDING (one more
     * statement, only when there are such pairs): an alert that arrives again is a replayed dead letter, and what
     * failed is sent. A SENT or PENDING pair stays as it is, counted as a duplicate. Wakes the sender once the rows are
     * committed.
     *
     * @param alreadyLogged {@code [alertId, recipient]} pairs the consumer skipped because the log holds them
     */
    public Recorded record(List<NewNotification> rows, List<String[]> alreadyLogged) {
        Map<String, NewNotification> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.putIfAbsent(row.key(), row));
        Set<String> inserted = new HashSet<>();
        if (!unique.isEmpty()) {
            inserted = insertAll(List.copyOf(unique.values()));
        }
        List<NewNotification> result = new ArrayList<>();
        List<String[]> logged = new ArrayList<>(alreadyLogged);
        int pending = 0;
        for (NewNotification row : unique.values()) {
            if (inserted.contains(row.key())) {
                result.add(row);
                if (row.pending()) {
                    pending++;
                    if (row.held()) {
                        metrics.held(row.alert().source());
                    }
                } else {
                    metrics.failed(row.alert().source(), row.alert().kind().name(), "no-recipient");
                }
            } else {
                logged.add(new String[]{row.alert().alertId(), row.addressee().key()});
            }
        }
        Set<String> queuedAgain = resend.alertsAgain(logged);
        int ignored = rows.size() - result.size() + alreadyLogged.size() - queuedAgain.size();
        for (int i = 0; i < ignored; i++) {
            metrics.duplicate();
        }
        if (pending > 0) {
            recorded.fire(new NotificationsRecorded(pending));
        }
        return new Recorded(result, queuedAgain);
    }

    private Set<String> insertAll(List<NewNotification> rows) {
        Set<String> inserted = new HashSet<>();
        // One statement: autocommit makes it exactly one transaction, with no transaction manager around it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Timestamp now = Timestamp.from(clock.instant());
            insert.setTimestamp(1, now);
            insert.setTimestamp(2, now);
            insert.setArray(3, connection.createArrayOf("uuid",
                    rows.stream().map(row -> UUID.randomUUID()).toArray()));
            List<Function<NewNotification, String>> columns = List.of(
                    row -> row.alert().alertId(),
                    row -> row.addressee().key(),
                    row -> row.addressee().audience().name(),
                    row -> row.alert().kind().name(),
                    row -> row.alert().source(),
                    row -> row.alert().ticketId(),
                    NewNotification::language,
                    row -> row.pending() ? row.mail().subject() : null,
                    row -> row.pending() ? row.mail().text() : null,
                    row -> row.pending() ? row.mail().html() : null,
                    NewNotification::alertJson,
                    row -> (row.pending() ? NotificationState.PENDING : NotificationState.FAILED).name(),
                    row -> row.addressee() instanceof Unresolved nobody ? nobody.reason() : null);
            int index = 4;
            for (Function<NewNotification, String> column : columns) {
                insert.setArray(index++, connection.createArrayOf("text", rows.stream().map(column).toArray()));
            }
            // ISO-8601 instants ("2026-12-07T08:00:00Z"): read the same whatever the session's time zone
            insert.setArray(index, connection.createArrayOf("text", rows.stream()
                    .map(row -> row.held() ? row.notBefore().toString() : null).toArray()));
            try (ResultSet keys = insert.executeQuery()) {
                while (keys.next()) {
                    inserted.add(NewNotification.key(keys.getString(1), keys.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + rows.size() + " notification(s) to the log: "
                    + e.getMessage(), e);
        }
        return inserted;
    }
}
