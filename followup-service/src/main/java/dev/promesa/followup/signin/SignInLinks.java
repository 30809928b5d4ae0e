package dev.promesa.followup.signin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.BoardConfig;

/**
 * The single-use sign-in links of table {@code board_sign_in}: the emailed token is random ({@link Secrets}) and the
 * table keeps only its SHA-256. A link works once, for {@code promesa.board.sign-in-ttl}, and only on its own source's
 * board; one address gets at most {@code promesa.board.sign-in-requests} links an hour.
 */
@ApplicationScoped
public class SignInLinks {

    /** An unused, unexpired link: whom it signs in, in the language it was asked for in (may be null). */
    public record Link(String source, String email, String language) {
    }

    private final DataSource dataSource;
    private final BoardConfig config;
    private final Clock clock;

    SignInLinks(DataSource dataSource, BoardConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A new link's token for a person the source knows, or empty when this address already had its links for the
     * hour. Links that ran out are deleted as new ones are asked for.
     */
    public Optional<String> issue(People.Person person, String language) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "delete from board_sign_in where expires_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(now.minus(Duration.ofHours(1))));
                purge.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from board_sign_in where source = ? and email = ? and created_at > ?")) {
                count.setString(1, person.source());
                count.setString(2, person.email());
                count.setTimestamp(3, Timestamp.from(now.minus(Duration.ofHours(1))));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= config.signInRequests()) {
                        return Optional.empty();
                    }
                }
            }
            String token = Secrets.random();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into board_sign_in (token_hash, source, email, language, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, Secrets.hash(token));
                insert.setString(2, person.source());
                insert.setString(3, person.email());
                insert.setString(4, language);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(now.plus(config.signInTtl())));
                insert.executeUpdate();
            }
            return Optional.of(token);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a sign-in link for " + person.email() + " in "
                    + person.source() + ": " + e.getMessage(), e);
        }
    }

    /** The link behind this token if it still works on this source's board; reading it does not use it up. */
    public Optional<Link> peek(String source, String token) {
        return find("""
                select l.source, l.email, l.language from board_sign_in l, (select ?::timestamptz as now) n
                where l.token_hash = ? and l.source = ? and l.used_at is null and l.expires_at > n.now""", source,
                token);
    }

    /**
     * Uses the link up and returns it, if it still worked: of two clicks at once, one wins (the update is the check).
     */
    public Optional<Link> redeem(String source, String token) {
        return find("""
                update board_sign_in l set used_at = n.now from (select ?::timestamptz as now) n
                where l.token_hash = ? and l.source = ? and l.used_at is null and l.expires_at > n.now
                returning l.source, l.email, l.language""", source, token);
    }

    /** Runs a query of one link whose parameters are: now, the token's hash, the source. */
    private Optional<Link> find(String sql, String source, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, Secrets.hash(token));
            statement.setString(3, source);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Link(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a sign-in link: " + e.getMessage(), e);
        }
    }
}
