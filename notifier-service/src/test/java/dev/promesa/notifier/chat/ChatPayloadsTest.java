package dev.promesa.notifier.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Each product's documented shape, and ticket text that can neither format, link, mention nor compute. */
class ChatPayloadsTest {
    static final String HOSTILE = "<!channel> *urgente* & _ya_ [aquí](https://evil.example) @all {{DATE(2026-01-01T00:00:00Z)}}";
    static final ChatText TEXT = new ChatText("es", "Promesa vencida", "Ticket CH1 «" + HOSTILE + "»",
            List.of("Marta Ruiz prometió a Lucía Fernández: «Enviar el presupuesto», antes del jueves 26 de noviembre "
                    + "a las 15:00 (hora de Madrid); lleva 1 h 20 min de retraso."),
            "Asignado a: Marta Ruiz · Equipo: Soporte", "https://desk.example.com/t/CH1?a=1&b=2", "Abrir el ticket");

    @Test
    void slackGetsFallbackTextAndBlockKitSectionsInMrkdwnWithOnlyTheControlCharactersEscaped() {
        ObjectNode slack = ChatPayloads.slack(TEXT);
        assertThat(fields(slack)).containsExactly("text", "blocks");
        assertThat(slack.get("text").asText()).startsWith("Promesa vencida · Ticket CH1 «&lt;!channel&gt; *urgente* "
                + "&amp; _ya_");
        JsonNode blocks = slack.get("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("*Promesa vencida*\n"
                + "<https://desk.example.com/t/CH1?a=1&amp;b=2|Ticket CH1 «&lt;!channel&gt; *urgente* &amp; _ya_ "
                + "[aquí](https://evil.example) @all {{DATE(2026-01-01T00:00:00Z)}}»>");
        assertThat(blocks.get(1).get("text").get("text").asText()).startsWith("Marta Ruiz prometió");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).get("elements").get(0).get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(2).get("elements").get(0).get("text").asText())
                .isEqualTo("Asignado a: Marta Ruiz · Equipo: Soporte");
    }

    @Test
    void mattermostGetsMarkdownTextWithEveryMarkdownSpecialEscapedAndMentionsDefused() {
        ObjectNode mattermost = ChatPayloads.mattermost(TEXT);
        assertThat(fields(mattermost)).containsExactly("text", "username");
        assertThat(mattermost.get("username").asText()).isEqualTo("Promesa");
        String text = mattermost.get("text").asText();
        assertThat(text).startsWith("**Promesa vencida**\n[Ticket CH1 «\\<\\!channel\\> \\*urgente\\* & \\_ya\\_ "
                + "\\[aquí\\]\\(https://evil.example\\) @\u200Ball {{DATE\\(2026-01-01T00:00:00Z\\)}}»]"
                + "(https://desk.example.com/t/CH1?a=1&b=2)\n");
        assertThat(text).contains("\\(hora de Madrid\\)").endsWith("\n_Asignado a: Marta Ruiz · Equipo: Soporte_");
        assertThat(text).doesNotContain("@all");
    }

    @Test
    void teamsGetsAMessageWithOneAdaptiveCardOfTextBlocksAndAnOpenUrlAction() {
        ObjectNode teams = ChatPayloads.teams(TEXT);
        assertThat(fields(teams)).containsExactly("type", "attachments");
        assertThat(teams.get("type").asText()).isEqualTo("message");
        assertThat(teams.get("attachments")).hasSize(1);
        JsonNode attachment = teams.get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.get("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        JsonNode body = card.get("body");
        assertThat(body).hasSize(4);
        body.forEach(block -> {
            assertThat(block.get("type").asText()).isEqualTo("TextBlock");
            assertThat(block.get("wrap").asBoolean()).isTrue();
        });
        assertThat(body.get(0).get("text").asText()).isEqualTo("Promesa vencida");
        assertThat(body.get(0).get("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).get("text").asText()).isEqualTo("Ticket CH1 «<!channel> \\*urgente\\* & \\_ya\\_ "
                + "\\[aquí\\](https://evil.example) @all {\u200B{DATE(2026-01-01T00:00:00Z)}}»");
        assertThat(body.get(3).get("isSubtle").asBoolean()).isTrue();
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("title").asText()).isEqualTo("Abrir el ticket");
        assertThat(action.get("url").asText()).isEqualTo("https://desk.example.com/t/CH1?a=1&b=2");
    }

    @Test
    void withoutATicketLinkTheTicketIsPlainTextAndTheCardHasNoAction() {
        ChatText noLink = new ChatText("en", "Promise overdue", "Ticket CH2", List.of("fact"), "Assigned to: nobody",
                null, "Open the ticket");
        assertThat(ChatPayloads.slack(noLink).get("blocks").get(0).get("text").get("text").asText())
                .isEqualTo("*Promise overdue*\nTicket CH2");
        assertThat(ChatPayloads.mattermost(noLink).get("text").asText())
                .startsWith("**Promise overdue**\nTicket CH2\n");
        assertThat(ChatPayloads.teams(noLink).get("attachments").get(0).get("content").has("actions")).isFalse();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
