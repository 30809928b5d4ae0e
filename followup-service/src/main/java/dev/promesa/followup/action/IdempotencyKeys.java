package dev.promesa.followup.action;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per source, kept for
 * {@link #RETENTION}: a retry with the same key gets the first answer again and changes nothing. Written in the
 * action's own transaction, so an action and its remembered answer commit together.
 */
final class IdempotencyKeys {

    /** How long a key is remembered: far longer than any client's retries. */
    static final Duration RETENTION = Duration.ofHours(24);

    /** An answer given before, and what it answered. */
    record Remembered(String fingerprint, String response) {
    }

    private IdempotencyKeys() {
    }

    static Optional<Remembered> find(Connection connection, String source, String key, Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select fingerprint, response from action_request
                where source = ? and idempotency_key = ? and created_at > ?""")) {
            select.setString(1, source);
            select.setString(2, key);
            select.setObject(3, utc(now.minus(RETENTION)));
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Remembered(row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Remembers an answer, replacing an expired one of the same key, and forgets this source's expired keys. */
    static void remember(Connection connection, String source, String key, String fingerprint, String response,
            Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into action_request (source, idempotency_key, fingerprint, response, created_at)
                values (?, ?, ?, ?, ?)
                on conflict (source, idempotency_key) do update set
                    fingerprint = excluded.fingerprint, response = excluded.response,
                    created_at = excluded.created_at""");
                PreparedStatement purge = connection.prepareStatement(
                        "delete from action_request where source = ? and created_at <= ?")) {
            upsert.setString(1, source);
            upsert.setString(2, key);
            upsert.setString(3, fingerprint);
            upsert.setString(4, response);
            upsert.setObject(5, utc(now));
            upsert.executeUpdate();
            purge.setString(1, source);
            purge.setObject(2, utc(now.minus(RETENTION)));
            purge.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
