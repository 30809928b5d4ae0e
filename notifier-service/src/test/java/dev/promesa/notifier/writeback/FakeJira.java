package dev.promesa.notifier.writeback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jira Service Management Cloud's REST API as developer.atlassian.com documents it: "Create request comment",
 * {@code POST /rest/servicedeskapi/request/{issueIdOrKey}/comment} with {@code {"body":…,"public":false}} for an
 * internal comment, answered 201 with the comment; Basic {@code email:api_token}.
 */
final class FakeJira extends RecordingDesk {
    private static final Pattern COMMENT = Pattern.compile("/rest/servicedeskapi/request/([^/]+)/comment");
    private final Set<String> requests = ConcurrentHashMap.newKeySet();

    FakeJira(String expectedAuthorization) {
        super(expectedAuthorization);
    }

    void addRequest(String issueKey) {
        requests.add(issueKey);
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, Map.of("errorMessage", "Client must be authenticated to access this resource."));
    }

    @Override
    protected Answer answer(Request request) {
        Matcher path = COMMENT.matcher(request.path());
        if (!"POST".equals(request.method()) || !path.matches()) {
            return Answer.json(404, Map.of("errorMessage", "null for uri: " + request.path()));
        }
        String key = path.group(1);
        if (!requests.contains(key)) {
            return Answer.json(404, Map.of("errorMessage", "Request does not exist or you do not have permission "
                    + "to see it.", "i18nErrorMessage", Map.of("i18nKey", "sd.request.error.notfound")));
        }
        JsonNode body = body(request);
        var forced = note(request, key);
        if (forced.isPresent()) {
            return forced.get();
        }
        if (body.path("body").asText().isBlank() || !body.path("public").isBoolean()) {
            return Answer.json(400, Map.of("errorMessage", "body and public are required"));
        }
        String id = String.valueOf(ids.incrementAndGet());
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("id", id);
        comment.put("body", body.path("body").asText());
        comment.put("public", body.path("public").asBoolean());
        comment.put("author", Map.of("accountId", "5b10a2844c20165700ede21g", "displayName", "Promesa"));
        comment.put("created", Map.of("iso8601", "2026-11-26T15:20:00+0100", "epochMillis", 1795702800000L));
        comment.put("_links", Map.of("self", baseUrl() + "/rest/servicedeskapi/request/" + key + "/comment/" + id));
        return Answer.json(201, comment);
    }
}
