package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/**
 * Freshdesk: a private note ({@code POST /api/v2/tickets/{id}/notes} with {@code {"body":…,"private":true}}; the body
 * is HTML, so the note's text is escaped and its lines end in {@code <br>}). Answered {@code 201} with the note.
 */
final class FreshdeskApi implements DeskApi {

    private final DeskHttp http;

    FreshdeskApi(DeskHttp http) {
        this.http = http;
    }

    static String path(long ticketId) {
        return "/api/v2/tickets/" + ticketId + "/notes";
    }

    @Override
    public String write(DeskAccount account, String ticketId, String note) throws DeskCallFailure {
        long id = DeskApi.numericId(Desk.FRESHDESK, ticketId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", html(note));
        body.put("private", true);
        return DeskApi.text(http.send(account, "POST", path(id), body), "id");
    }

    /** Plain text as HTML: every character that means something in HTML escaped, line breaks as {@code <br>}. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\r' -> {
                }
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
