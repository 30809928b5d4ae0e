package dev.promesa.notifier.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.notifier.writeback.RecordingDesk;

/**
 * One local HTTP server standing in for the three chat products' webhooks, each at its own path, each checking the
 * request the way the product documents it and answering as it does:
 * <ul>
 * <li>{@code POST /slack/services/T…/B…/…}: a JSON object with {@code text} (a string) and {@code blocks}, each block a
 * {@code section} with a {@code mrkdwn} text object or a {@code context} with {@code mrkdwn} elements; {@code 200 ok},
 * else {@code 400 invalid_payload}.</li>
 * <li>{@code POST /mattermost/hooks/…}: a JSON object with {@code text} (Markdown), optionally {@code username},
 * {@code props}, {@code channel}, {@code icon_url}; {@code 200 ok}, else {@code 400} with Mattermost's error JSON.</li>
 * <li>{@code POST /teams/workflows/…/invoke?api-version=1&sig=…} (a Workflows "when a Teams webhook request is
 * received" URL): {@code type: message} with exactly one attachment of {@code contentType}
 * {@code application/vnd.microsoft.card.adaptive} whose {@code content} is an {@code AdaptiveCard} with a
 * {@code version}, a {@code body} of {@code TextBlock}s with {@code text}, and {@code Action.OpenUrl} actions with
 * {@code title} and {@code url}; {@code 202}, else {@code 400}.</li>
 * </ul>
 * Each message is recorded for the ticket it names ("Ticket <id>"), so tests can script failures per ticket.
 */
public class FakeChat extends RecordingDesk {
    static final String SLACK_PATH = "/slack/services/T0PROMESA/B0PROMESA/slack-test-secret";
    static final String MATTERMOST_PATH = "/mattermost/hooks/mattermost-test-secret";
    static final String TEAMS_PATH = "/teams/workflows/wf-test/triggers/manual/paths/invoke";
    static final String TEAMS_QUERY = "api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=teams-test-secret";
    private static final Pattern TICKET = Pattern.compile("Ticket (CH\\d+)");

    FakeChat() {
        super(null);
    }

    /** The messages posted for a ticket on one product's path ({@link #SLACK_PATH}, …), accepted or not. */
    List<Request> messagesFor(String path, String ticket) {
        return notesFor(ticket).stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    protected Answer answer(Request request) {
        if (!"POST".equals(request.method())) {
            return new Answer(405, "", Map.of());
        }
        return switch (request.path()) {
            case SLACK_PATH -> slack(request);
            case MATTERMOST_PATH -> mattermost(request);
            case TEAMS_PATH -> TEAMS_QUERY.equals(request.query())
                    ? teams(request)
                    : Answer.json(401, Map.of("error", Map.of("code", "DirectApiAuthorizationRequired")));
            default -> new Answer(404, "no_service", Map.of());
        };
    }

    @Override
    protected Answer unauthorized() {
        return new Answer(403, "invalid_token", Map.of());
    }

    private Answer slack(Request request) {
        List<String> problems = new ArrayList<>();
        JsonNode body = json(request, problems);
        if (body != null) {
            fields(body, Set.of("text", "blocks"), Set.of("text", "blocks"), "message", problems);
            if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
                problems.add("text must be a non-empty string");
            }
            if (!body.path("blocks").isArray() || body.path("blocks").isEmpty()) {
                problems.add("blocks must be a non-empty array");
            }
            for (JsonNode block : body.path("blocks")) {
                switch (block.path("type").asText()) {
                    case "section" -> {
                        fields(block, Set.of("type", "text"), Set.of("type", "text", "fields", "accessory",
                                "block_id"), "section", problems);
                        mrkdwn(block.path("text"), problems);
                    }
                    case "context" -> {
                        fields(block, Set.of("type", "elements"), Set.of("type", "elements", "block_id"), "context",
                                problems);
                        block.path("elements").forEach(element -> mrkdwn(element, problems));
                    }
                    default -> problems.add("unexpected block type " + block.path("type"));
                }
            }
        }
        return recorded(request, problems, new Answer(200, "ok", Map.of()),
                new Answer(400, "invalid_payload", Map.of()));
    }

    private Answer mattermost(Request request) {
        List<String> problems = new ArrayList<>();
        JsonNode body = json(request, problems);
        if (body != null) {
            fields(body, Set.of("text"), Set.of("text", "username", "props", "channel", "icon_url", "icon_emoji",
                    "attachments", "type", "priority"), "message", problems);
            if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
                problems.add("text must be a non-empty string");
            }
            if (body.has("username") && !body.path("username").isTextual()) {
                problems.add("username must be a string");
            }
        }
        return recorded(request, problems, new Answer(200, "ok", Map.of()), Answer.json(400, Map.of(
                "id", "web.incoming_webhook.text.app_error", "message", String.join("; ", problems),
                "status_code", 400)));
    }

    private Answer teams(Request request) {
        List<String> problems = new ArrayList<>();
        JsonNode body = json(request, problems);
        if (body != null) {
            fields(body, Set.of("type", "attachments"), Set.of("type", "attachments"), "message", problems);
            if (!"message".equals(body.path("type").asText())) {
                problems.add("type must be message");
            }
            JsonNode attachments = body.path("attachments");
            if (!attachments.isArray() || attachments.size() != 1) {
                problems.add("attachments must hold one card");
            }
            for (JsonNode attachment : attachments) {
                fields(attachment, Set.of("contentType", "content"), Set.of("contentType", "contentUrl", "content"),
                        "attachment", problems);
                if (!"application/vnd.microsoft.card.adaptive".equals(attachment.path("contentType").asText())) {
                    problems.add("contentType must be application/vnd.microsoft.card.adaptive");
                }
                JsonNode card = attachment.path("content");
                if (!"AdaptiveCard".equals(card.path("type").asText()) || !card.path("version").isTextual()) {
                    problems.add("content must be an AdaptiveCard with a version");
                }
                if (!card.path("body").isArray() || card.path("body").isEmpty()) {
                    problems.add("the card needs a body");
                }
                for (JsonNode element : card.path("body")) {
                    if (!"TextBlock".equals(element.path("type").asText()) || !element.path("text").isTextual()) {
                        problems.add("body elements must be TextBlocks with text");
                    }
                }
                for (JsonNode action : card.path("actions")) {
                    if (!"Action.OpenUrl".equals(action.path("type").asText()) || !action.path("url").isTextual()
                            || !action.path("title").isTextual()) {
                        problems.add("actions must be Action.OpenUrl with title and url");
                    }
                }
            }
        }
        return recorded(request, problems, new Answer(202, "", Map.of()), Answer.json(400, Map.of("error",
                Map.of("code", "InvalidRequestContent", "message", String.join("; ", problems)))));
    }

    /** Records the message for its ticket; a scripted answer for the ticket comes first, then the product's. */
    private Answer recorded(Request request, List<String> problems, Answer ok, Answer invalid) {
        Matcher ticket = TICKET.matcher(request.body());
        Optional<Answer> scripted = note(request, ticket.find() ? ticket.group(1) : "?");
        if (!problems.isEmpty()) {
            return invalid;
        }
        return scripted.orElse(ok);
    }

    private static JsonNode json(Request request, List<String> problems) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("Content-Type must be application/json, not " + type);
            return null;
        }
        try {
            return JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            problems.add("not JSON");
            return null;
        }
    }

    private static void mrkdwn(JsonNode text, List<String> problems) {
        if (!"mrkdwn".equals(text.path("type").asText()) || !text.path("text").isTextual()) {
            problems.add("text objects must be mrkdwn with text");
        }
    }

    private static void fields(JsonNode node, Set<String> required, Set<String> allowed, String what,
            List<String> problems) {
        if (!node.isObject()) {
            problems.add(what + " must be an object");
            return;
        }
        required.stream().filter(f -> !node.has(f)).forEach(f -> problems.add(what + " needs " + f));
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                problems.add(what + " has an unknown field " + f);
            }
        });
    }
}
