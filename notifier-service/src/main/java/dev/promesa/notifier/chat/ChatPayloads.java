package dev.promesa.notifier.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link ChatText} in each product's documented format, with every piece of text escaped for it. Pure.
 * <ul>
 * <li><b>Slack</b> (incoming webhook): {@code text}, the notification's fallback, and Block Kit {@code blocks}: a
 * {@code section} with the headline in bold and the ticket as a link {@code <url|text>}, a {@code section} with the
 * facts, a {@code context} with the people. mrkdwn: {@code &}, {@code <} and {@code >} become {@code &amp;},
 * {@code &lt;}, {@code &gt;}, and nothing else, as Slack's formatting reference asks; so ticket text can neither
 * link nor mention ({@code <!channel>}).</li>
 * <li><b>Mattermost</b> (incoming webhook): {@code text} in Markdown (a bold headline, the ticket as
 * {@code [text](url)}, the facts, the people in italics) and {@code username} "Promesa". Markdown's special
 * characters are backslash-escaped; an {@code @} gets a zero-width space after it, so a ticket that says
 * {@code @channel} or {@code @all} notifies nobody.</li>
 * <li><b>Microsoft Teams</b> (a Workflows flow "when a Teams webhook request is received" that posts the card): a
 * {@code message} with one attachment of {@code contentType} {@code application/vnd.microsoft.card.adaptive} whose
 * {@code content} is an {@code AdaptiveCard} (version 1.4): {@code TextBlock}s for the headline, the ticket, the facts
 * and the people, and an {@code Action.OpenUrl} to the ticket. TextBlocks read a Markdown subset: its characters are
 * backslash-escaped, and two opening braces (the start of a DATE()/TIME() function) are broken with a zero-width space, so the
 * text shows as written.</li>
 * </ul>
 */
public final class ChatPayloads {
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    static final String ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String ADAPTIVE_CARD_VERSION = "1.4";
    static final String USERNAME = "Promesa";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MARKDOWN = Pattern.compile("[\\\\`*_~\\[\\]()#<>|!]");
    private static final Pattern CARD_MARKDOWN = Pattern.compile("[\\\\`*_~\\[\\]]");

    private ChatPayloads() {
    }

    /** The request body for {@code kind}, as JSON. */
    public static String json(ChatKind kind, ChatText text) {
        try {
            return MAPPER.writeValueAsString(of(kind, text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write a chat message as JSON", e);
        }
    }

    static ObjectNode of(ChatKind kind, ChatText text) {
        return switch (kind) {
            case SLACK -> slack(text);
            case MATTERMOST -> mattermost(text);
            case TEAMS -> teams(text);
        };
    }

    static ObjectNode slack(ChatText t) {
        ObjectNode message = JSON.objectNode();
        message.put("text", slackEscape(t.headline() + " · " + t.ticket()));
        ArrayNode blocks = message.putArray("blocks");
        String ticket = t.url() == null
                ? slackEscape(t.ticket())
                : "<" + slackEscape(t.url()) + "|" + slackEscape(t.ticket()) + ">";
        blocks.add(section("*" + slackEscape(t.headline()) + "*\n" + ticket));
        blocks.add(section(String.join("\n", t.facts().stream().map(ChatPayloads::slackEscape).toList())));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", slackEscape(t.people()));
        return message;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return section;
    }

    static ObjectNode mattermost(ChatText t) {
        StringBuilder text = new StringBuilder("**").append(markdownEscape(t.headline())).append("**\n");
        text.append(t.url() == null
                ? markdownEscape(t.ticket())
                : "[" + markdownEscape(t.ticket()) + "](" + markdownUrl(t.url()) + ")");
        t.facts().forEach(fact -> text.append('\n').append(markdownEscape(fact)));
        text.append("\n_").append(markdownEscape(t.people())).append('_');
        return JSON.objectNode().put("text", text.toString()).put("username", USERNAME);
    }

    static ObjectNode teams(ChatText t) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", ADAPTIVE_CARD_SCHEMA).put("type", "AdaptiveCard").put("version", ADAPTIVE_CARD_VERSION);
        ArrayNode body = card.putArray("body");
        textBlock(body, t.headline()).put("weight", "Bolder").put("size", "Medium");
        textBlock(body, t.ticket());
        t.facts().forEach(fact -> textBlock(body, fact));
        textBlock(body, t.people()).put("isSubtle", true);
        if (t.url() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", t.linkLabel())
                    .put("url", t.url());
        }
        ObjectNode message = JSON.objectNode().put("type", "message");
        message.putArray("attachments").addObject().put("contentType", ADAPTIVE_CARD).putNull("contentUrl")
                .set("content", card);
        return message;
    }

    private static ObjectNode textBlock(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", cardEscape(text)).put("wrap", true);
    }

    /** Slack mrkdwn: only the three control characters, as HTML entities. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown (CommonMark, as Mattermost renders it): specials backslash-escaped, mentions defused. */
    static String markdownEscape(String text) {
        return MARKDOWN.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()))
                .replace("@", "@\u200B");
    }

    /** A link target in Markdown: parentheses and spaces would end it early. */
    private static String markdownUrl(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    /** An Adaptive Card TextBlock: its Markdown subset escaped, template functions (DATE, TIME) broken. */
    static String cardEscape(String text) {
        return CARD_MARKDOWN.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()))
                .replace("{{", "{\u200B{");
    }
}
