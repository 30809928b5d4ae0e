package dev.promesa.intake.webhook.jira;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Atlassian Document Format document (Jira Cloud's comment bodies, {@code {"type":"doc","content":[…]}}) as the
 * text a person reads in it. Paragraphs and headings are separated by an empty line; {@code hardBreak} is a line
 * break; mentions, emoji and status lozenges are their text; bullet and ordered lists are {@code "- "} and
 * {@code "1. "} items, nested ones indented; code blocks keep their lines; table cells are joined by {@code " | "}.
 * Blockquotes come out as {@code "> "} lines, the way {@code HtmlText} writes quoted history, so promise detection
 * skips them. Media, rules and anything without text are left out; unknown nodes give their children's text.
 */
public final class AdfText {
    private AdfText() {
    }

    /** Whether a comment body is an ADF document rather than a wiki-markup string. */
    public static boolean isDocument(JsonNode body) {
        return body != null && body.isObject() && "doc".equals(body.path("type").asText());
    }

    public static String toText(JsonNode document) {
        return blocks(document.path("content"), "\n\n").strip();
    }

    private static String blocks(JsonNode content, String separator) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode node : content) {
            String text = block(node);
            if (!text.isBlank()) {
                rendered.add(text.stripTrailing());
            }
        }
        return String.join(separator, rendered);
    }

    private static String block(JsonNode node) {
        String type = node.path("type").asText();
        return switch (type) {
            case "paragraph", "heading" -> inline(node.path("content"));
            case "codeBlock" -> inline(node.path("content"));
            case "bulletList" -> list(node, false);
            case "orderedList" -> list(node, true);
            case "blockquote" -> prefixLines(blocks(node.path("content"), "\n\n"), "> ");
            case "table" -> table(node);
            case "rule", "mediaSingle", "mediaGroup", "media", "mediaInline" -> "";
            case "text" -> node.path("text").asText();
            default -> node.has("content") ? blocks(node.path("content"), "\n\n") : inlineNode(node);
        };
    }

    private static String list(JsonNode list, boolean ordered) {
        int number = ordered ? Math.max(1, list.path("attrs").path("order").asInt(1)) : 0;
        List<String> items = new ArrayList<>();
        for (JsonNode item : list.path("content")) {
            String marker = ordered ? number++ + ". " : "- ";
            String text = blocks(item.path("content"), "\n");
            String[] lines = text.split("\n", -1);
            StringBuilder rendered = new StringBuilder(marker).append(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                rendered.append('\n').append(" ".repeat(marker.length())).append(lines[i]);
            }
            items.add(rendered.toString());
        }
        return String.join("\n", items);
    }

    private static String table(JsonNode table) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : table.path("content")) {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row.path("content")) {
                cells.add(blocks(cell.path("content"), " ").replace('\n', ' ').strip());
            }
            rows.add(String.join(" | ", cells));
        }
        return String.join("\n", rows);
    }

    private static String inline(JsonNode content) {
        StringBuilder out = new StringBuilder();
        for (JsonNode node : content) {
            out.append(inlineNode(node));
        }
        return out.toString();
    }

    private static String inlineNode(JsonNode node) {
        JsonNode attrs = node.path("attrs");
        return switch (node.path("type").asText()) {
            case "text" -> node.path("text").asText();
            case "hardBreak" -> "\n";
            case "mention" -> attrs.hasNonNull("text") ? attrs.path("text").asText() : "@" + attrs.path("id").asText();
            case "emoji" -> attrs.hasNonNull("text") ? attrs.path("text").asText() : attrs.path("shortName").asText();
            case "status" -> attrs.path("text").asText();
            case "inlineCard", "blockCard" -> attrs.path("url").asText();
            default -> node.has("content") ? inline(node.path("content")) : "";
        };
    }

    static String prefixLines(String text, String prefix) {
        if (text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? prefix.strip() : prefix + line);
        }
        return out.toString();
    }
}
