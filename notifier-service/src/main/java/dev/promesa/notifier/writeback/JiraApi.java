package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jira Service Management: an internal comment on the customer request
 * ({@code POST /rest/servicedeskapi/request/{issueIdOrKey}/comment} with {@code {"body":…,"public":false}}; the
 * request is addressed by its issue key). Answered {@code 201} with the comment. Only a Service Management agent
 * can write internal comments; a Jira Software project has no requests, and answers 404.
 */
final class JiraApi implements DeskApi {

    private final DeskHttp http;

    JiraApi(DeskHttp http) {
        this.http = http;
    }

    static String path(String issueKey) {
        return "/rest/servicedeskapi/request/" + DeskApi.segment(issueKey) + "/comment";
    }

    @Override
    public String write(DeskAccount account, String ticketId, String note) throws DeskCallFailure {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("body", note);
        comment.put("public", false);
        return DeskApi.text(http.send(account, "POST", path(ticketId.trim()), comment), "id");
    }
}
