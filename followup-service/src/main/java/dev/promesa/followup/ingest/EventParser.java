package dev.promesa.followup.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketSnapshot;

/**
 * Turns a record's CloudEvents headers and JSON value into a {@link HelpdeskEvent}, or says precisely why it cannot
 * ({@link InvalidEventException}). The event id is the {@code ce_id} header (the payload's {@code eventId} if the
 * header is missing); the source is the {@code ce_source} header, required; the ticket id is the payload's, else the
 * record key's ({@code source/ticketId}).
 * <p>
 * Intake validates events before they reach the topic, but anything can be written to a topic: what the database
 * could not store (NUL, an id longer than its column) or the rules could not compute with (a timestamp outside four-digit
 * years, an unknown time zone) is refused here, with the field named, rather than failing later in a transaction.
 */
@ApplicationScoped
public class EventParser {

    /** Column widths of V1__followup_schema.sql. */
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_POLICY_LENGTH = 100;
    static final int MAX_LOCALE_LENGTH = 35;
    static final int MAX_TIME_ZONE_LENGTH = 64;
    /** V6 and V7: a commitment id (a TEXT promise's is its event id and "~n"), an e-mail address. */
    static final int MAX_COMMITMENT_ID_LENGTH = 210;
    static final int MAX_ADDRESS_LENGTH = 320;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final ObjectMapper json;

    EventParser(ObjectMapper json) {
        this.json = json;
    }

    public HelpdeskEvent parse(String type, String ceId, String source, String key, String value) {
        if (type == null) {
            throw new InvalidEventException("header " + CloudEvents.HEADER_TYPE + " is missing");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("record value is empty");
        }
        if (source == null || source.isBlank()) {
            throw new InvalidEventException("header " + CloudEvents.HEADER_SOURCE + " is missing: the source (the help "
                    + "desk) is half of a ticket's identity, so an event without one cannot be placed");
        }
        if (!TicketRef.isSourceName(source)) {
            throw new InvalidEventException("header " + CloudEvents.HEADER_SOURCE + " '" + visible(source)
                    + "' is not a source name (1 to 100 letters, digits and . _ ~ -, as in promesa.api-keys)");
        }
        return switch (type) {
            case CloudEvents.TYPE_TICKET -> snapshot(ceId, source, key, read(value, TicketSnapshot.class, type));
            case CloudEvents.TYPE_INTERACTION -> interaction(ceId, source, key, read(value, Interaction.class, type));
            case CloudEvents.TYPE_EMAIL_SENT -> emailSent(ceId, source, key, read(value, EmailSent.class, type));
            default -> throw new InvalidEventException("unknown " + CloudEvents.HEADER_TYPE + " '" + type
                    + "': expected " + CloudEvents.TYPE_TICKET + ", " + CloudEvents.TYPE_INTERACTION + " or "
                    + CloudEvents.TYPE_EMAIL_SENT);
        };
    }

    private <T> T read(String value, Class<T> type, String ceType) {
        try {
            T event = json.readValue(value, type);
            if (event == null) {
                throw new InvalidEventException("value is JSON null, not a " + ceType + " object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("value is not a readable " + ceType + " JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static HelpdeskEvent snapshot(String ceId, String source, String key, TicketSnapshot s) {
        String eventId = firstNonBlank(ceId, s.eventId());
        String ticketId = firstNonBlank(s.ticketId(), ticketOf(key));
        List<String> missing = new ArrayList<>();
        require(eventId, "eventId (header ce_id)", missing);
        require(ticketId, "ticketId", missing);
        require(s.occurredAt(), "occurredAt", missing);
        require(s.status(), "status", missing);
        failIfMissing(missing, CloudEvents.TYPE_TICKET);
        List<String> bad = new ArrayList<>();
        id(eventId, "eventId", bad);
        id(ticketId, "ticketId", bad);
        instant(s.occurredAt(), "occurredAt", bad);
        text(s.subject(), "subject", bad);
        person(s.requester(), "requester", bad);
        person(s.assignee(), "assignee", bad);
        id(s.team(), "team", bad);
        bounded(s.slaPolicy(), "slaPolicy", MAX_POLICY_LENGTH, bad);
        failIfBad(bad, CloudEvents.TYPE_TICKET);
        TicketSnapshot normalized = new TicketSnapshot(eventId, ticketId, s.occurredAt(), s.subject(), s.priority(),
                s.status(), s.channel(), s.requester(), s.assignee(), s.team(), s.slaPolicy());
        return new HelpdeskEvent.Snapshot(eventId, source, normalized);
    }

    private static HelpdeskEvent interaction(String ceId, String source, String key, Interaction i) {
        String eventId = firstNonBlank(ceId, i.eventId());
        String ticketId = firstNonBlank(i.ticketId(), ticketOf(key));
        List<String> missing = new ArrayList<>();
        require(eventId, "eventId (header ce_id)", missing);
        require(ticketId, "ticketId", missing);
        require(i.occurredAt(), "occurredAt", missing);
        require(i.kind(), "kind", missing);
        require(i.author(), "author", missing);
        if (i.author() != null) {
            require(i.author().role(), "author.role", missing);
        }
        require(i.visibility(), "visibility", missing);
        if (i.commitment() != null) {
            require(i.commitment().kind(), "commitment.kind", missing);
            require(i.commitment().dueAt(), "commitment.dueAt", missing);
        }
        failIfMissing(missing, CloudEvents.TYPE_INTERACTION);
        List<String> bad = new ArrayList<>();
        id(eventId, "eventId", bad);
        id(ticketId, "ticketId", bad);
        instant(i.occurredAt(), "occurredAt", bad);
        id(i.author().id(), "author.id", bad);
        text(i.body(), "body", bad);
        if (i.commitment() != null) {
            id(i.commitment().commitmentId(), "commitment.commitmentId", bad);
            instant(i.commitment().dueAt(), "commitment.dueAt", bad);
            text(i.commitment().description(), "commitment.description", bad);
        }
        if (i.fulfils() != null) {
            for (int n = 0; n < i.fulfils().size(); n++) {
                String fulfilled = i.fulfils().get(n);
                if (fulfilled == null || fulfilled.isBlank()) {
                    bad.add("fulfils[" + n + "] is blank");
                } else {
                    id(fulfilled, "fulfils[" + n + "]", bad);
                }
            }
        }
        failIfBad(bad, CloudEvents.TYPE_INTERACTION);
        Interaction normalized = new Interaction(eventId, ticketId, i.occurredAt(), i.kind(), i.channel(), i.author(),
                i.visibility(), i.body(), i.commitment(), i.fulfils() == null ? List.of() : i.fulfils());
        return new HelpdeskEvent.InteractionEvent(eventId, source, normalized);
    }

    /** An email notifier sent: it goes on the ticket's timeline. */
    private static HelpdeskEvent emailSent(String ceId, String source, String key, EmailSent e) {
        String eventId = firstNonBlank(ceId, e.eventId());
        String ticketId = firstNonBlank(e.ticketId(), ticketOf(key));
        List<String> missing = new ArrayList<>();
        require(eventId, "eventId (header ce_id)", missing);
        require(ticketId, "ticketId", missing);
        require(e.sentAt(), "sentAt", missing);
        require(e.alertKind(), "alertKind", missing);
        require(e.recipientRole(), "recipientRole", missing);
        require(e.recipient(), "recipient", missing);
        failIfMissing(missing, CloudEvents.TYPE_EMAIL_SENT);
        List<String> bad = new ArrayList<>();
        id(eventId, "eventId", bad);
        id(ticketId, "ticketId", bad);
        instant(e.sentAt(), "sentAt", bad);
        if (bounded(e.commitmentId(), "commitmentId", MAX_COMMITMENT_ID_LENGTH, bad) && hasControl(e.commitmentId())) {
            bad.add("commitmentId contains control characters");
        }
        if (bounded(e.recipient(), "recipient", MAX_ADDRESS_LENGTH, bad) && hasControl(e.recipient())) {
            bad.add("recipient contains control characters");
        }
        text(e.subject(), "subject", bad);
        failIfBad(bad, CloudEvents.TYPE_EMAIL_SENT);
        EmailSent normalized = new EmailSent(eventId, ticketId, e.sentAt(), e.alertId(), e.alertKind(),
                e.commitmentId(), e.recipientRole(), e.recipient(), e.subject(), e.language(), e.messageId());
        return new HelpdeskEvent.EmailSentEvent(eventId, source, normalized);
    }

    private static void person(Person person, String field, List<String> bad) {
        if (person == null) {
            return;
        }
        id(person.id(), field + ".id", bad);
        text(person.name(), field + ".name", bad);
        text(person.email(), field + ".email", bad);
        bounded(person.locale(), field + ".locale", MAX_LOCALE_LENGTH, bad);
        if (bounded(person.timeZone(), field + ".timeZone", MAX_TIME_ZONE_LENGTH, bad)) {
            try {
                ZoneId.of(person.timeZone());
            } catch (DateTimeException e) {
                bad.add(field + ".timeZone '" + person.timeZone() + "' is not an IANA time zone");
            }
        }
    }

    /** An id: fits its column, no control characters. */
    private static void id(String value, String field, List<String> bad) {
        if (bounded(value, field, MAX_ID_LENGTH, bad) && hasControl(value)) {
            bad.add(field + " contains control characters");
        }
    }

    /** What {@code \p{Cntrl}} matches (U+0000–U+001F, U+007F), without a matcher per id: ids are checked per event. */
    private static boolean hasControl(String value) {
        for (int n = 0; n < value.length(); n++) {
            char c = value.charAt(n);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** @return true when the value is present and fine so far */
    private static boolean bounded(String value, String field, int maxLength, List<String> bad) {
        if (value == null) {
            return false;
        }
        if (value.length() > maxLength) {
            bad.add(field + " is " + value.length() + " characters long, at most " + maxLength + " allowed");
            return false;
        }
        return text(value, field, bad);
    }

    /** Any length, but storable: PostgreSQL text takes no NUL, and UTF-8 no unpaired surrogate. */
    private static boolean text(String value, String field, List<String> bad) {
        if (value == null) {
            return false;
        }
        for (int n = 0; n < value.length(); n++) {
            char c = value.charAt(n);
            if (c == '\u0000') {
                bad.add(field + " contains NUL (\\u0000), which cannot be stored");
                return false;
            }
            if (Character.isHighSurrogate(c) && n + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(n + 1))) {
                n++;
            } else if (Character.isSurrogate(c)) {
                bad.add(field + " contains an unpaired UTF-16 surrogate at character " + n);
                return false;
            }
        }
        return true;
    }

    private static void instant(Instant value, String field, List<String> bad) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            bad.add(field + " " + value + " is outside the years 1970 to 9999");
        }
    }

    private static void failIfBad(List<String> bad, String type) {
        if (!bad.isEmpty()) {
            throw new InvalidEventException(type + " cannot be stored: " + String.join("; ", bad));
        }
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(field);
        }
    }

    private static void failIfMissing(List<String> missing, String type) {
        if (!missing.isEmpty()) {
            throw new InvalidEventException(type + " lacks required field(s): " + String.join(", ", missing));
        }
    }

    /** A header value for an error message: control characters shown as escapes, at most 120 characters. */
    private static String visible(String value) {
        String shown = CONTROL.matcher(value).replaceAll(m -> String.format("\\\\u%04x", (int) m.group().charAt(0)));
        return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
    }

    /** The ticket id part of a record key ({@code source/ticketId}); a key without a source part is the id itself. */
    private static String ticketOf(String key) {
        TicketRef ref = TicketRef.fromRecordKey(key);
        return ref == null ? key : ref.ticketId();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
