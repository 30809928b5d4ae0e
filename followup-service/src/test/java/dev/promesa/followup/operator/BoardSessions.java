package dev.promesa.followup.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.promesa.followup.signin.Secrets;

/**
 * A signed-in browser for a test, without the sign-in pages: a {@code board_session} row as package signin's
 * {@code Sessions.open} writes it (the cookie's SHA-256, a CSRF token), for an address the source knows; no language
 * of its own, so the browser's {@code Accept-Language} decides.
 */
record BoardSessions(String cookie, String csrf) {

    static BoardSessions open(DataSource dataSource, String source, String email) throws SQLException {
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
            insert.setTimestamp(7, Timestamp.from(now.plus(Duration.ofDays(1))));
            insert.executeUpdate();
        }
        return session;
    }
}
