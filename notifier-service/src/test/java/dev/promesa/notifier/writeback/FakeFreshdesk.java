package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Freshdesk's API v2 as developers.freshdesk.com documents it: "Create a Note", {@code POST /api/v2/tickets/{id}/notes}
 * with an HTML {@code body} and {@code private: true}, answered 201 with the note; the API key as Basic user name with
 * {@code X} as password.
 */
final class FakeFreshdesk extends RecordingDesk {
    private static final Pattern NOTES = Pattern.compile("/api/v2/tickets/(\\d+)/notes");
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();

    FakeFreshdesk(String expectedAuthorization) {
        super(expectedAuthorization);
    }

    void addTicket(String id) {
        tickets.add(id);
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, Map.of("code", "invalid_credentials",
                "message", "You have to be logged in to perform this action."));
    }

    @Override
    protected Answer answer(Request request) {
        Matcher path = NOTES.matcher(request.path());
        if (!"POST".equals(request.method()) || !path.matches()) {
            return Answer.json(404, Map.of("code", "invalid_url"));
        }
        String id = path.group(1);
        if (!tickets.contains(id)) {
            return new Answer(404, null, Map.of());
        }
        JsonNode body = body(request);
        var forced = note(request, id);
        if (forced.isPresent()) {
            return forced.get();
        }
        if (body.path("body").asText().isBlank()) {
            return Answer.json(400, Map.of("description", "Validation failed", "errors",
                    java.util.List.of(Map.of("field", "body", "message", "It should not be blank", "code",
                            "missing_field"))));
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", ids.incrementAndGet());
        note.put("body", body.path("body").asText());
        note.put("body_text", body.path("body").asText().replace("<br>", "\n"));
        note.put("incoming", false);
        note.put("private", body.path("private").asBoolean(true));
        note.put("ticket_id", Long.parseLong(id));
        note.put("user_id", 43000001);
        note.put("created_at", "2026-11-26T14:20:00Z");
        return Answer.json(201, note);
    }
}
