package dev.promesa.notifier.writeback;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/**
 * Zendesk: a ticket update carrying a private comment ({@code PUT /api/v2/tickets/{id}.json} with
 * {@code {"ticket":{"comment":{"body":…,"public":false}}}}; comments are created through the Tickets API, and
 * {@code public: false} makes one an internal note). Answered {@code 200} with the ticket and the update's audit,
 * whose {@code Comment} event is the note.
 */
final class ZendeskApi implements DeskApi {

    private final DeskHttp http;

    ZendeskApi(DeskHttp http) {
        this.http = http;
    }

    static String path(long ticketId) {
        return "/api/v2/tickets/" + ticketId + ".json";
    }

    @Override
    public String write(DeskAccount account, String ticketId, String note) throws DeskCallFailure {
        long id = DeskApi.numericId(Desk.ZENDESK, ticketId);
        JsonNode answer = http.send(account, "PUT", path(id),
                Map.of("ticket", Map.of("comment", Map.of("body", note, "public", false))));
        for (JsonNode event : answer.path("audit").path("events")) {
            if ("Comment".equals(event.path("type").asText())) {
                return DeskApi.text(event, "id");
            }
        }
        return DeskApi.text(answer.path("audit"), "id");
    }
}
