package dev.promesa.notifier.writeback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zammad's REST API as docs.zammad.org documents it (api/intro.rst "Search via API", api/ticket/articles.rst
 * "Create"): {@code GET /api/v1/tickets/search?query=…&expand=true} answers 200 with an array of tickets;
 * {@code POST /api/v1/ticket_articles} answers 201 with the article; {@code Authorization: Token token=…}.
 * Tickets are registered by number; a ticket registered without search index is found like a Zammad without
 * Elasticsearch finds it (Ticket::Search: the query text matched against title and number), not by {@code number:}.
 */
final class FakeZammad extends RecordingDesk {
    record Ticket(long id, String number, boolean indexed) {
    }

    private final Map<String, Ticket> byNumber = new ConcurrentHashMap<>();

    FakeZammad(String token) {
        super("Token token=" + token);
    }

    /** A ticket this Zammad has; its internal id differs from its number, as in Zammad. */
    Ticket addTicket(String number, boolean indexed) {
        Ticket ticket = new Ticket(ids.incrementAndGet(), number, indexed);
        byNumber.put(number, ticket);
        return ticket;
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, Map.of("error", "Authentication required"));
    }

    @Override
    protected Answer answer(Request request) {
        if ("GET".equals(request.method()) && "/api/v1/tickets/search".equals(request.path())) {
            return search(request);
        }
        if ("POST".equals(request.method()) && "/api/v1/ticket_articles".equals(request.path())) {
            return article(request);
        }
        return Answer.json(404, Map.of("error", "No route matches [" + request.method() + "] " + request.path()));
    }

    private Answer search(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : request.query() == null ? new String[0] : request.query().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"true".equals(query.get("expand"))) {
            // Without expand=true Zammad answers {tickets: [ids], tickets_count, assets}; Promesa asks for the array.
            return Answer.json(400, Map.of("error", "this fake answers the expand=true shape only"));
        }
        String q = query.getOrDefault("query", "");
        List<Map<String, Object>> found = new ArrayList<>();
        for (Ticket t : byNumber.values()) {
            boolean match = q.startsWith("number:")
                    ? t.indexed() && t.number().equals(q.substring("number:".length()))
                    : !t.indexed() && t.number().contains(q);
            if (match) {
                found.add(Map.of("id", t.id(), "number", t.number(), "title", "Ticket " + t.number(),
                        "group", "Users", "state", "open", "priority", "2 normal"));
            }
        }
        return Answer.json(200, found);
    }

    private Answer article(Request request) {
        JsonNode body = body(request);
        long ticketId = body.path("ticket_id").asLong(-1);
        Ticket ticket = byNumber.values().stream().filter(t -> t.id() == ticketId).findFirst().orElse(null);
        if (ticket == null) {
            return Answer.json(422, Map.of("error", "Ticket " + body.path("ticket_id") + " not found"));
        }
        var forced = note(request, ticket.number());
        if (forced.isPresent()) {
            return forced.get();
        }
        if (!"note".equals(body.path("type").asText()) || !body.path("internal").asBoolean(false)
                || !"text/plain".equals(body.path("content_type").asText()) || body.path("body").asText().isBlank()) {
            return Answer.json(422, Map.of("error", "expected an internal text/plain note with a body"));
        }
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", ids.incrementAndGet());
        article.put("ticket_id", ticketId);
        article.put("subject", body.path("subject").asText(null));
        article.put("body", body.path("body").asText());
        article.put("content_type", "text/plain");
        article.put("internal", true);
        article.put("type", "note");
        article.put("sender", "Agent");
        article.put("created_at", "2026-11-26T14:20:00.000Z");
        return Answer.json(201, article);
    }
}
