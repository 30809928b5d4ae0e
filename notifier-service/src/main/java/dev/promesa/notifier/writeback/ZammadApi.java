package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zammad: an article of type {@code note} with {@code internal: true} ({@code POST /api/v1/ticket_articles}, answered
 * {@code 201} with the article). That call wants Zammad's internal ticket id, while Promesa knows the ticket by its
 * number (what agents see, and what the webhook maps). Zammad has no "ticket by number" endpoint, so the id is found
 * with the ticket search first ({@code GET /api/v1/tickets/search?query=number:<n>&expand=true}, answered with an
 * array of tickets): {@code number:<n>} is the documented field search with Elasticsearch; a Zammad without
 * Elasticsearch matches the query text against title and number instead, so if the field search finds nothing the
 * plain number is searched too. Either way only a ticket whose {@code number} is exactly the one wanted is used.
 */
final class ZammadApi implements DeskApi {
    static final String SEARCH = "/api/v1/tickets/search";
    static final String ARTICLES = "/api/v1/ticket_articles";

    private final DeskHttp http;

    ZammadApi(DeskHttp http) {
        this.http = http;
    }

    @Override
    public String write(DeskAccount account, String ticketId, String note) throws DeskCallFailure {
        String number = ticketId.trim();
        Optional<Long> found = find(account, "number:" + number, number);
        if (found.isEmpty()) {
            found = find(account, number, number);
        }
        long id = found.orElseThrow(() -> DeskCallFailure.permanent("no Zammad ticket has the number " + number
                + " (searched number:" + number + " and " + number + "); the token's user must be an agent with "
                + "access to the ticket's group"));
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("ticket_id", id);
        article.put("subject", "Promesa");
        article.put("body", note);
        article.put("content_type", "text/plain");
        article.put("type", "note");
        article.put("internal", true);
        JsonNode created = http.send(account, "POST", ARTICLES, article);
        return DeskApi.text(created, "id");
    }

    private Optional<Long> find(DeskAccount account, String query, String number) throws DeskCallFailure {
        JsonNode tickets = http.get(account, SEARCH + "?query=" + DeskApi.query(query) + "&expand=true");
        for (JsonNode ticket : tickets) {
            if (number.equals(ticket.path("number").asText(null)) && ticket.path("id").canConvertToLong()) {
                return Optional.of(ticket.path("id").asLong());
            }
        }
        return Optional.empty();
    }
}
