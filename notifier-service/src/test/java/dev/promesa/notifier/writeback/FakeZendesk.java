package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zendesk's Tickets API as developer.zendesk.com documents it: comments are added with a ticket update,
 * {@code PUT /api/v2/tickets/{id}.json} with {@code {"ticket":{"comment":{…}}}}, {@code public: false} for an internal
 * note; answered 200 with the ticket and the audit of the update (its {@code Comment} event); API tokens as Basic
 * {@code {email}/token:{api_token}}; an unknown ticket is 404 {@code RecordNotFound}.
 */
final class FakeZendesk extends RecordingDesk {
    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();

    FakeZendesk(String expectedAuthorization) {
        super(expectedAuthorization);
    }

    void addTicket(String id) {
        tickets.add(id);
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, Map.of("error", "Couldn't authenticate you"));
    }

    @Override
    protected Answer answer(Request request) {
        Matcher path = TICKET.matcher(request.path());
        if (!"PUT".equals(request.method()) || !path.matches()) {
            return Answer.json(404, Map.of("error", "InvalidEndpoint", "description", "Not found"));
        }
        String id = path.group(1);
        if (!tickets.contains(id)) {
            return Answer.json(404, Map.of("error", "RecordNotFound", "description", "Not found"));
        }
        JsonNode comment = body(request).path("ticket").path("comment");
        var forced = note(request, id);
        if (forced.isPresent()) {
            return forced.get();
        }
        if (comment.path("body").asText().isBlank() || !comment.path("public").isBoolean()) {
            return Answer.json(422, Map.of("error", "RecordInvalid", "description", "Record validation errors"));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", ids.incrementAndGet());
        event.put("type", "Comment");
        event.put("author_id", 900001);
        event.put("body", comment.path("body").asText());
        event.put("public", comment.path("public").asBoolean());
        return Answer.json(200, Map.of(
                "ticket", Map.of("id", Long.parseLong(id), "status", "open", "subject", "Ticket " + id),
                "audit", Map.of("id", ids.incrementAndGet(), "ticket_id", Long.parseLong(id), "author_id", 900001,
                        "events", List.of(event))));
    }
}
