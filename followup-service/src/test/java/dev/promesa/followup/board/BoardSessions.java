package dev.promesa.followup.board;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.promesa.followup.signin.Secrets;

/**
 * A signed-in browser for the page tests, without going through the sign-in (its own tests do): a live row in
 * board_session as Sessions writes it, and the cookie value that opens it. The person must still be known to the
 * source (People), as for a real session.
 */
final class BoardSessions {

    record Session(String cookie, String csrf) {
    }

    private BoardSessions() {
    }

    static Session open(DataSource dataSource, String source, String email) {
        String cookie = Secrets.random();
        String csrf = Secrets.random();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into board_session (id_hash, source, email, name, language, csrf_token, signed_in_by,
                                                   created_at, last_seen_at, expires_at)
                        values (?, ?, ?, null, null, ?, 'EMAIL_LINK', ?, ?, ?)""")) {
            insert.setString(1, Secrets.hash(cookie));
            insert.setString(2, source);
            insert.setString(3, email);
            insert.setString(4, csrf);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now.plus(Duration.ofHours(1))));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Session(cookie, csrf);
    }
}
