package dev.promesa.notifier.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.promesa.security.EmailMask;

/**
 * How notifier reads the answers of the HTTP services it calls (the help desks' APIs, chat webhooks): the start of an
 * error body, masked, and {@code Retry-After}. One place for both, so a desk's and a chat's answers read alike.
 */
public final class HttpAnswers {
    private static final int EXCERPT = 300;

    private HttpAnswers() {
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 §10.2.3). */
    public static Optional<Duration> retryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * The start of an error body, on one line, as {@code ": …"} (empty for no body): enough to see what the service
     * said. It is kept in the database and shown by the API, not only logged, so e-mail addresses are masked here.
     */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").trim();
        line = line.length() > EXCERPT ? line.substring(0, EXCERPT) + "…" : line;
        return ": " + EmailMask.mask(line);
    }
}
