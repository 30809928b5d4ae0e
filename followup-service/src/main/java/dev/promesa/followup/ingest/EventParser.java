package dev.promesa.followup.ingest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.TicketSnapshot;

/**
 * Turns a record's CloudEvents headers and JSON value into a {@link HelpdeskEvent}, or says precisely why it cannot
 * ({@link InvalidEventException}). The event id is the {@code ce_id} header (the payload's {@code eventId} if the
 * header is missing); the ticket id is the payload's, else the record key.
 */
@ApplicationScoped
public class EventParser {

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
        return switch (type) {
            case CloudEvents.TYPE_TICKET -> snapshot(ceId, source, key, read(value, TicketSnapshot.class, type));
            case CloudEvents.TYPE_INTERACTION -> interaction(ceId, source, key, read(value, Interaction.class, type));
            default -> throw new InvalidEventException("unknown " + CloudEvents.HEADER_TYPE + " '" + type
                    + "': expected " + CloudEvents.TYPE_TICKET + " or " + CloudEvents.TYPE_INTERACTION);
        };
    }

    private <T> T read(String value, Class<T> type, String ceType) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("value is not a readable " + ceType + " JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static HelpdeskEvent snapshot(String ceId, String source, String key, TicketSnapshot s) {
        String eventId = firstNonBlank(ceId, s.eventId());
        String ticketId = firstNonBlank(s.ticketId(), key);
        List<String> missing = new ArrayList<>();
        require(eventId, "eventId (header ce_id)", missing);
        require(ticketId, "ticketId", missing);
        require(s.occurredAt(), "occurredAt", missing);
        require(s.status(), "status", missing);
        failIfMissing(missing, CloudEvents.TYPE_TICKET);
        TicketSnapshot normalized = new TicketSnapshot(eventId, ticketId, s.occurredAt(), s.subject(), s.priority(),
                s.status(), s.channel(), s.requester(), s.assignee(), s.team(), s.slaPolicy());
        return new HelpdeskEvent.Snapshot(eventId, source, normalized);
    }

    private static HelpdeskEvent interaction(String ceId, String source, String key, Interaction i) {
        String eventId = firstNonBlank(ceId, i.eventId());
        String ticketId = firstNonBlank(i.ticketId(), key);
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
        Interaction normalized = new Interaction(eventId, ticketId, i.occurredAt(), i.kind(), i.channel(), i.author(),
                i.visibility(), i.body(), i.commitment(), i.fulfils() == null ? List.of() : i.fulfils());
        return new HelpdeskEvent.InteractionEvent(eventId, source, normalized);
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

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
