package dev.promesa.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.promesa.followup.signin.Secrets;

/**
 * A signed-in browser for the board's page tests, without the sign-in pages (their own tests go through them): a
 * {@code board_session} row as package signin's {@code Sessions.open} writes it (the cookie's SHA-256, a CSRF token),
 * and the cookie value that opens it. The address must still be one the source knows ({@code People}), as for a real
 * session; no language of its own, so the browser's {@code Accept-Language} decides.
 */
public record BoardSessions(String cookie, String csrf) {

    public static BoardSessions open(DataSource dataSource, String source, String email) {
        BoardSessions session = new BoardSessions(Secrets.random(), Secrets.random());
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into board_session (id_hash, source, email, name, language, csrf_token, signed_in_by,
                                                   created_at, last_seen_at, expires_at)
                        values (?, ?, ?, null, null, ?, 'EMAIL_LINK', ?, ?, ?)""")) {
            insert.setString(1, Secrets.hash(session.cookie()));
            insert.setString(2, source);
            insert.setString(3, email);
            insert.setString(4, session.csrf());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now.plus(Duration.ofHours(1))));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write a test board session: " + e.getMessage(), e);
        }
        return session;
    }
}
