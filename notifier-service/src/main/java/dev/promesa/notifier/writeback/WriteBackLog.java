package dev.promesa.notifier.writeback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code write_back} table: one row per notification that gets a note, keyed by the notification, so a note is
 * written at most once per email. Every statement is one autocommitted transaction, like the notification log's.
 */
@ApplicationScoped
public class WriteBackLog {

    /**
     * Sent emails (not chat messages) of the two kinds that get a note, of sources with write-back, sent since the given time and without a
     * row yet; {@code ON CONFLICT} makes two replicas sweeping at once harmless.
     */
    private static final String SWEEP = """
            insert into write_back (notification_id, source, desk, ticket_id, state, attempts, next_attempt_at,
                                    created_at)
            select n.id, n.source, c.desk, n.ticket_id, 'PENDING', 0, ?, ?
            from notification n
                 join unnest(?::text[], ?::text[]) as c(source, desk) on c.source = n.source
            where n.state = 'SENT' and n.kind in ('COMMITMENT_OVERDUE_USER', 'ESCALATED') and n.sent_at >= ?
              and n.channel = 'EMAIL'
              and not exists (select 1 from write_back w where w.notification_id = n.id)
            on conflict (notification_id) do nothing
            """;

    /** One due note, leased ({@code FOR UPDATE SKIP LOCKED}: replicas never take the same), with its email's facts. */
    private static final String CLAIM = """
            with due as (select notification_id from write_back
                         where state = 'PENDING' and next_attempt_at <= ? and not (source = any(?))
                         order by next_attempt_at
                         limit 1
                         for update skip locked)
            update write_back w set next_attempt_at = ?
            from due, notification n
            where w.notification_id = due.notification_id and n.id = w.notification_id
            returning w.notification_id, w.source, w.desk, w.ticket_id, w.attempts, n.recipient, n.audience,
                      n.alert_json, n.sent_at, n.subject
            """;

    private static final String WRITTEN = """
            update write_back set state = 'WRITTEN', attempts = attempts + 1, next_attempt_at = null,
                                  last_error = null, desk_note_id = ?, written_at = ?
            where notification_id = ? and state = 'PENDING'
            """;
    private static final String RETRY = """
            update write_back set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
            where notification_id = ? and state = 'PENDING'
            """;
    private static final String FAIL = """
            update write_back set state = 'FAILED', attempts = attempts + 1, next_attempt_at = null, last_error = ?
            where notification_id = ? and state = 'PENDING'
            """;
    private static final String FIND = """
            select notification_id, state, desk, attempts, next_attempt_at, last_error, desk_note_id, created_at,
                   written_at
            from write_back where notification_id = any(?)
            """;

    /** A claimed note and the email it is about. */
    record Claimed(UUID notificationId, String source, String desk, String ticketId, int attempts, String recipient,
            String audience, String alertJson, Instant sentAt, String emailSubject) {
    }

    private final DataSource dataSource;

    WriteBackLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many notes were queued */
    int sweep(Map<String, String> deskBySource, Instant since, Instant now) {
        if (deskBySource.isEmpty()) {
            return 0;
        }
        try (Connection connection = connection(); PreparedStatement sweep = connection.prepareStatement(SWEEP)) {
            sweep.setTimestamp(1, Timestamp.from(now));
            sweep.setTimestamp(2, Timestamp.from(now));
            sweep.setArray(3, connection.createArrayOf("text", deskBySource.keySet().toArray()));
            sweep.setArray(4, connection.createArrayOf("text", deskBySource.values().toArray()));
            sweep.setTimestamp(5, Timestamp.from(since));
            return sweep.executeUpdate();
        } catch (SQLException e) {
            throw failure("queue notes", e);
        }
    }

    Optional<Claimed> claim(Instant now, Duration lease, Collection<String> pausedSources) {
        try (Connection connection = connection(); PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setArray(2, connection.createArrayOf("text", pausedSources.toArray()));
            claim.setTimestamp(3, Timestamp.from(now.plus(lease)));
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp sentAt = row.getTimestamp("sent_at");
                return Optional.of(new Claimed(row.getObject("notification_id", UUID.class), row.getString("source"),
                        row.getString("desk"), row.getString("ticket_id"), row.getInt("attempts"),
                        row.getString("recipient"), row.getString("audience"), row.getString("alert_json"),
                        sentAt == null ? now : sentAt.toInstant(), row.getString("subject")));
            }
        } catch (SQLException e) {
            throw failure("claim a note", e);
        }
    }

    void written(UUID id, String deskNoteId, Instant at) {
        update(WRITTEN, deskNoteId, Timestamp.from(at), id);
    }

    void retry(UUID id, Instant next, String error) {
        update(RETRY, Timestamp.from(next), error, id);
    }

    void failed(UUID id, String error) {
        update(FAIL, error, id);
    }

    /** The notes of these notifications, by notification id; notifications without one are absent. */
    public Map<UUID, WriteBackView> find(Collection<UUID> notificationIds) {
        Map<UUID, WriteBackView> found = new HashMap<>();
        if (notificationIds.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setArray(1, connection.createArrayOf("uuid", notificationIds.toArray()));
            try (ResultSet row = find.executeQuery()) {
                while (row.next()) {
                    found.put(row.getObject("notification_id", UUID.class), new WriteBackView(
                            WriteBackState.valueOf(row.getString("state")), row.getString("desk"),
                            row.getInt("attempts"), instant(row, "next_attempt_at"), row.getString("last_error"),
                            row.getString("desk_note_id"), instant(row, "created_at"), instant(row, "written_at")));
                }
            }
        } catch (SQLException e) {
            throw failure("read notes", e);
        }
        return found;
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a note's outcome", e);
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " in the write_back table: " + e.getMessage(), e);
    }
}
