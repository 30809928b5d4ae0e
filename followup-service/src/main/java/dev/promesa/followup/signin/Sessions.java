package dev.promesa.followup.signin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import dev.promesa.config.BoardConfig;
import dev.promesa.followup.web.BoardRequest;
import dev.promesa.followup.web.Pages;
import dev.promesa.followup.web.Viewer;

/**
 * Signed-in browsers. A session belongs to one person in one source; its cookie ({@link #COOKIE}) carries a random id
 * and the database only that id's SHA-256. What the person may see is worked out again on every request
 * ({@link People}), so a person taken off a team directory or the operator list loses that view at once.
 */
@ApplicationScoped
public class Sessions {

    /** The session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, path {@code /board}. */
    public static final String COOKIE = Pages.SESSION_COOKIE;
    /** The person's language choice ({@code es} / {@code en}), made with the switch on every page. */
    public static final String LANGUAGE_COOKIE = Pages.LANGUAGE_COOKIE;

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    /** How a person signed in, as the session records it. */
    public enum Method {
        EMAIL_LINK, OIDC
    }

    /** A new session: the cookie's value and how long it lasts. */
    public record Opened(String cookieValue, Duration maxAge) {
    }

    private final DataSource dataSource;
    private final People people;
    private final BoardConfig config;
    private final Clock clock;

    Sessions(DataSource dataSource, People people, BoardConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.people = people;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a session for a person the source knows (the caller has checked with {@link People#find}). */
    public Opened open(People.Person person, Method method, String language) {
        String id = Secrets.random();
        Instant now = clock.instant();
        Instant expires = now.plus(config.sessionTtl());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into board_session (id_hash, source, email, name, language, csrf_token, signed_in_by,
                                                   created_at, last_seen_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, Secrets.hash(id));
            insert.setString(2, person.source());
            insert.setString(3, person.email());
            insert.setString(4, person.name());
            insert.setString(5, language);
            insert.setString(6, Secrets.random());
            insert.setString(7, method.name());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, Timestamp.from(expires));
            insert.executeUpdate();
            // sessions that ran out are deleted as new ones open: the table holds what is live, and a little more
            try (PreparedStatement purge = connection.prepareStatement(
                    "delete from board_session where expires_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a board session for " + person.email() + " in "
                    + person.source() + ": " + e.getMessage(), e);
        }
        LOG.infof("Board: %s signed in to %s (%s)", person.email(), person.source(), method);
        return new Opened(id, config.sessionTtl());
    }

    /** The board's session cookie: HttpOnly, SameSite=Lax, only under /board, Secure when the board is on HTTPS. */
    public NewCookie cookie(Opened opened, UriInfo uri) {
        return cookie(COOKIE, opened.cookieValue(), (int) opened.maxAge().toSeconds(), uri);
    }

    /** Removes the session cookie from the browser (signing out). */
    public NewCookie clearedCookie(UriInfo uri) {
        return cookie(COOKIE, "", 0, uri);
    }

    /** The person's language choice, kept a year. */
    public NewCookie languageCookie(String language, UriInfo uri) {
        return cookie(LANGUAGE_COOKIE, supported(language).orElse("es"), (int) Duration.ofDays(365).toSeconds(), uri);
    }

    private NewCookie cookie(String name, String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path("/board").maxAge(maxAge).httpOnly(true)
                .secure(secure(uri)).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** HTTPS as the browser sees it: the configured public address, else the request's scheme. */
    private boolean secure(UriInfo uri) {
        return config.baseUrl().map(url -> url.regionMatches(true, 0, "https:", 0, 6))
                .orElse("https".equalsIgnoreCase(uri.getRequestUri().getScheme()));
    }

    /** The person behind the request's session cookie, if it is a live session of the page's source. */
    public Optional<Viewer> viewer(BoardRequest request) {
        if (request.sessionCookie() == null || request.sessionCookie().isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select email, language, csrf_token from board_session
                        where id_hash = ? and source = ? and expires_at > ?""")) {
            query.setString(1, Secrets.hash(request.sessionCookie()));
            query.setString(2, request.source());
            query.setTimestamp(3, Timestamp.from(clock.instant()));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String email = row.getString(1);
                String sessionLanguage = row.getString(2);
                String csrf = row.getString(3);
                return people.find(request.source(), email).map(person -> new Viewer(person.source(), person.email(),
                        person.name(), language(request, sessionLanguage, person.locale().orElse(null)),
                        person.zone().orElse(people.defaultZone()), person.teams(), person.ledTeams(),
                        person.operator(), csrf));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a board session: " + e.getMessage(), e);
        }
    }

    /** Ends the session behind this cookie (signing out); an unknown cookie changes nothing. */
    public void close(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from board_session where id_hash = ?")) {
            delete.setString(1, Secrets.hash(cookieValue));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end a board session: " + e.getMessage(), e);
        }
    }

    /** The language of a page for someone not signed in (the sign-in pages). */
    public String language(BoardRequest request) {
        return language(request, null, null);
    }

    /** The person's choice, else the session's, else the browser's first of es/en, else theirs, else the source's. */
    private String language(BoardRequest request, String sessionLanguage, String personLocale) {
        Optional<String> chosen = supported(request.languageCookie());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        Optional<String> session = supported(sessionLanguage);
        if (session.isPresent()) {
            return session.get();
        }
        if (request.acceptLanguage() != null) {
            for (String range : request.acceptLanguage().split(",")) {
                Optional<String> browser = supported(range.split(";")[0]);
                if (browser.isPresent()) {
                    return browser.get();
                }
            }
        }
        return supported(personLocale).orElse(supported(people.defaultLanguage(request.source())).orElse("es"));
    }

    /** {@code es} or {@code en} for a language tag of either ({@code es-MX}, {@code en_GB}), else empty. */
    static Optional<String> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = tag.strip().toLowerCase(Locale.ROOT);
        if (language.startsWith("es")) {
            return Optional.of("es");
        }
        if (language.startsWith("en")) {
            return Optional.of("en");
        }
        return Optional.empty();
    }
}
