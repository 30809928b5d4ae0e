package dev.promesa.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.intake.webhook.freshdesk.FreshdeskMapper;
import dev.promesa.intake.webhook.zendesk.ZendeskMapper;

/**
 * The templates an admin pastes from docs/webhooks/ are the ones the mappers read: each is taken from the guide,
 * its placeholders filled in as the desk would, and mapped. A placeholder this test does not know fails it, so a
 * template changed in the docs is a template checked here.
 */
class TemplatesInDocsTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_.]+)}}");
    private static final WebhookSource SOURCE = WebhookSource.withDefaults("acme", "secret");

    /** What Zendesk writes for each placeholder of the template (a ticket just replied to by an agent). */
    private static final Map<String, String> ZENDESK = Map.ofEntries(
            Map.entry("ticket.id", "5158"),
            Map.entry("ticket.title", "No puedo entrar en la app"),
            Map.entry("ticket.status", "Pending"),
            Map.entry("ticket.priority", "Urgent"),
            Map.entry("ticket.via", "Mail"),
            Map.entry("ticket.group.name", "Service Desk"),
            Map.entry("ticket.created_at_with_timestamp", "2026-11-26T08:12:07Z"),
            Map.entry("ticket.updated_at_with_timestamp", "2026-11-26T09:25:30Z"),
            Map.entry("ticket.requester.id", "8447388090494"),
            Map.entry("ticket.requester.name", "Lucía Fernández"),
            Map.entry("ticket.requester.email", "lucia.fernandez@example.com"),
            Map.entry("ticket.assignee.id", "8447388090495"),
            Map.entry("ticket.assignee.name", "Jorge Ruiz"),
            Map.entry("ticket.assignee.email", "jorge.ruiz@acme.example"),
            Map.entry("ticket.latest_comment.id", "9876543210"),
            Map.entry("ticket.latest_comment.is_public", "true"),
            Map.entry("ticket.latest_comment.author.id", "8447388090495"),
            Map.entry("ticket.latest_comment.value", "Le escribo antes de las 13:00."));

    /** What Freshdesk writes for each placeholder (an agent's reply). */
    private static final Map<String, String> FRESHDESK = Map.ofEntries(
            Map.entry("ticket.id", "311"),
            Map.entry("ticket.subject", "Pantalla rota &amp; teclado"),
            Map.entry("ticket.status", "Pending"),
            Map.entry("ticket.priority", "High"),
            Map.entry("ticket.source", "Email"),
            Map.entry("ticket.group.name", "Service Desk"),
            Map.entry("ticket.modified_on", "2026-11-26 09:15:00 UTC"),
            Map.entry("triggered_event", "{reply:agent}"),
            Map.entry("ticket.requester.name", "Lucía Fernández"),
            Map.entry("ticket.requester.email", "lucia.fernandez@example.com"),
            Map.entry("ticket.agent.name", "Jorge Ruiz"),
            Map.entry("ticket.agent.email", "jorge.ruiz@acme.example"),
            Map.entry("ticket.latest_public_comment", "Jorge Ruiz : <div>Le llamo mañana antes de las 10:00.</div>"));

    @Test
    void zendesksTriggerTemplate() throws IOException {
        List<String> templates = templates("zendesk.md");
        JsonNode filled = fill(templates.get(0), ZENDESK);

        Mapping mapping = new ZendeskMapper().map(filled, delivery(filled));

        assertThat(mapping.violations()).isEmpty();
        assertThat(mapping.ticket().ticketId()).isEqualTo("5158");
        assertThat(mapping.ticket().subject()).isEqualTo("No puedo entrar en la app");
        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_USER);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P1);
        assertThat(mapping.ticket().team()).isEqualTo("Service Desk");
        assertThat(mapping.ticket().requester().email()).isEqualTo("lucia.fernandez@example.com");
        assertThat(mapping.ticket().assignee().id()).isEqualTo("8447388090495");
        assertThat(mapping.interaction().kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(mapping.interaction().body()).isEqualTo("Le escribo antes de las 13:00.");
    }

    @Test
    void zendesksEndUserTriggerIsTheSameTemplateWithTheOtherRole() throws IOException {
        String template = templates("zendesk.md").get(0);
        assertThat(template).contains("\"author_role\": \"agent\"");
        JsonNode filled = fill(template.replace("\"author_role\": \"agent\"", "\"author_role\": \"end-user\""),
                ZENDESK);

        assertThat(new ZendeskMapper().map(filled, delivery(filled)).interaction().author().role())
                .isEqualTo(AuthorRole.USER);
    }

    @Test
    void freshdesksTicketAndAgentReplyTemplates() throws IOException {
        List<String> templates = templates("freshdesk.md");
        JsonNode ticket = fill(templates.get(0), FRESHDESK);
        JsonNode reply = fill(templates.get(templates.size() - 1), FRESHDESK);

        Mapping snapshot = new FreshdeskMapper().map(ticket, delivery(ticket));
        Mapping replied = new FreshdeskMapper().map(reply, delivery(reply));

        assertThat(snapshot.violations()).isEmpty();
        assertThat(snapshot.ticket().ticketId()).isEqualTo("311");
        assertThat(snapshot.ticket().subject()).isEqualTo("Pantalla rota & teclado");
        assertThat(snapshot.ticket().assignee().email()).isEqualTo("jorge.ruiz@acme.example");
        assertThat(snapshot.interaction()).isNull();
        assertThat(replied.violations()).isEmpty();
        assertThat(replied.interaction().kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(replied.interaction().body()).isEqualTo("Le llamo mañana antes de las 10:00.");
    }

    /** The guide's JSON blocks that are whole templates (objects), in order. */
    private static List<String> templates(String guide) throws IOException {
        String text = Files.readString(Path.of("..", "docs", "webhooks", guide));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JSON_BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).strip().startsWith("{")) {
                blocks.add(matcher.group(1));
            }
        }
        assertThat(blocks).as("JSON templates in %s", guide).isNotEmpty();
        return blocks;
    }

    private static JsonNode fill(String template, Map<String, String> values) throws IOException {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            assertThat(value).as("a value for the placeholder {{%s}}", matcher.group(1)).isNotNull();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.replace("\"", "\\\"")));
        }
        matcher.appendTail(out);
        return Fixtures.JSON.readTree(out.toString());
    }

    private static Delivery delivery(JsonNode body) {
        return new Delivery(SOURCE, DeliveryHeaders.of(Map.of()), body.toString().getBytes(), Fixtures.RECEIVED);
    }
}
