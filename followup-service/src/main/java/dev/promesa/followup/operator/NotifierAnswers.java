package dev.promesa.followup.operator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.security.EmailMask;

/**
 * Reads notifier's REST answers ({@code GET /api/v1/notifications}, {@code GET /api/v1/notifications/{id}} and its
 * problem+json refusals) into what the operations page shows. Lenient about what it does not use, strict about the
 * source: a row of another source is dropped, whatever the key let through. Pure.
 */
final class NotifierAnswers {

    /** The longest last error the page shows; SMTP servers' refusals can run to kilobytes. */
    static final int MAX_ERROR = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page of notifications of one source, and how many there are in all. */
    record Listing(List<EmailRow> rows, long total) {
    }

    private NotifierAnswers() {
    }

    /** A {@code NotificationPage}: its items of {@code source}, newest first, as notifier sorts them. */
    static Listing listing(String body, String source) {
        JsonNode page = parse(body);
        List<EmailRow> rows = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            EmailRow row = row(item);
            if (source.equals(row.source())) {
                rows.add(row);
            }
        }
        long total = page.path("total").asLong(rows.size());
        return new Listing(List.copyOf(rows), Math.max(total, rows.size()));
    }

    /** Held emails in the order they will go: the first to leave first. */
    static List<EmailRow> byDeparture(List<EmailRow> rows) {
        return rows.stream().sorted(Comparator.comparing(EmailRow::heldUntil,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** One {@code NotificationView}. */
    static EmailRow one(String body) {
        return row(parse(body));
    }

    /** The last part of a problem+json {@code type} ({@code …/not-failed} → {@code not-failed}), if any. */
    static Optional<String> problem(String body) {
        try {
            String type = JSON.readTree(body == null ? "" : body).path("type").asText("");
            return type.isEmpty() ? Optional.empty() : Optional.of(type.substring(type.lastIndexOf('/') + 1));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The text with its addresses masked, without line breaks, at most {@link #MAX_ERROR} characters. */
    static String shortError(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = EmailMask.mask(text.strip()).replaceAll("\\s+", " ");
        return flat.length() <= MAX_ERROR ? flat : flat.substring(0, MAX_ERROR - 1) + "…";
    }

    private static EmailRow row(JsonNode n) {
        return new EmailRow(text(n, "id"), text(n, "source"), EmailMask.mask(text(n, "recipient")), text(n, "kind"),
                text(n, "ticketId"), text(n, "state"), n.path("attempts").asInt(0), n.path("resends").asInt(0),
                shortError(text(n, "lastError")), time(n, "createdAt"), time(n, "failingSince"),
                time(n, "heldUntil"));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new UnreadableAnswer("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableAnswer(e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An ISO-8601 instant, or epoch seconds with a fraction (Jackson's other way of writing one); else null. */
    private static Instant time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            double seconds = value.asDouble();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Notifier answered 2xx with something that is not its JSON (a proxy's page, another service on the port). */
    static final class UnreadableAnswer extends RuntimeException {
        UnreadableAnswer(String reason) {
            super(reason);
        }
    }
}
