package dev.promesa.intake.webhook.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.WebhookSource;

class JiraMapperTest {
    private static final WebhookSource ACME = WebhookSource.withDefaults("jira-acme", "secret");
    private static final Map<String, String> DELIVERY = Map.of("X-Atlassian-Webhook-Identifier", "1234567890",
            "X-Atlassian-Webhook-Flow", "Primary");
    private final JiraMapper mapper = new JiraMapper();

    private Mapping map(String fixture) {
        return Fixtures.map(mapper, "jira", fixture, ACME, DELIVERY);
    }

    @Test
    void anIssueCreatedIsASnapshotEvenWithoutTheReportersEmail() {
        Mapping mapping = map("issue-created.json");

        assertThat(mapping.violations()).isEmpty();
        TicketSnapshot ticket = mapping.ticket();
        assertThat(ticket.eventId()).isEqualTo("jira:1234567890:ticket");
        assertThat(ticket.ticketId()).isEqualTo("ITSD-17");
        assertThat(ticket.occurredAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(ticket.subject()).isEqualTo("La VPN no conecta desde casa");
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.priority()).isEqualTo(Priority.P2);
        assertThat(ticket.channel()).isEqualTo(Channel.WEB);
        assertThat(ticket.team()).isEqualTo("ITSD");
        assertThat(ticket.requester().id()).isEqualTo("712020:1f4c0d2e-5b6a-4c8d-9e0f-a1b2c3d4e5f6");
        assertThat(ticket.requester().name()).isEqualTo("Lucía Fernández");
        assertThat(ticket.requester().email()).as("hidden by the user's privacy settings").isNull();
        assertThat(ticket.requester().timeZone()).isEqualTo("Europe/Madrid");
        assertThat(ticket.assignee().email()).isEqualTo("jorge.ruiz@acme.example");
        assertThat(ticket.assignee().timeZone()).isEqualTo("America/New_York");
        assertThat(mapping.interaction()).isNull();
    }

    @Test
    void aPublicAdfCommentFromAnAgentIsAnAgentReplyWithTextAndQuotesMarked() {
        Mapping mapping = map("comment-created-public-adf.json");

        assertThat(mapping.violations()).isEmpty();
        assertThat(mapping.ticket()).as("the comment event's issue has no reporter: no snapshot to erase it")
                .isNull();
        Interaction reply = mapping.interaction();
        assertThat(reply.eventId()).isEqualTo("jira:1234567890:comment");
        assertThat(reply.ticketId()).isEqualTo("ITSD-17");
        assertThat(reply.kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(reply.author().id()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(reply.author().role()).isEqualTo(AuthorRole.AGENT);
        assertThat(reply.occurredAt()).isEqualTo(Instant.parse("2026-11-26T08:10:00Z"));
        assertThat(reply.body()).isEqualTo("""
                Hola @Lucía Fernández:

                Hemos encontrado el problema:
                el certificado del concentrador ha caducado.

                - Renovamos el certificado hoy.
                - Después, reinicie el cliente:
                  1. Cierre la VPN.
                  2. Ábrala de nuevo.

                Error 809
                L2TP timeout

                Le escribo antes de las 11:00 con el resultado.

                > Le llamaré mañana a las 9.""");
    }

    @Test
    void jsdPublicFalseIsAnInternalNote() {
        Mapping mapping = map("comment-created-internal.json");

        assertThat(mapping.interaction().kind()).isEqualTo(InteractionKind.INTERNAL_NOTE);
        assertThat(mapping.interaction().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(mapping.interaction().body()).isEqualTo(
                "Pedido a Redes: renovar el certificado. Les llamo a las 10:30.");
    }

    @Test
    void aCustomersCommentIsAUserMessageAndItsCompleteIssueASnapshot() {
        Mapping mapping = map("comment-created-customer.json");

        assertThat(mapping.ticket()).isNotNull();
        assertThat(mapping.ticket().eventId()).isEqualTo("jira:1234567890:ticket");
        assertThat(mapping.ticket().requester().name()).isEqualTo("Lucía Fernández");
        Interaction message = mapping.interaction();
        assertThat(message.kind()).isEqualTo(InteractionKind.USER_MESSAGE);
        assertThat(message.author().role()).isEqualTo(AuthorRole.USER);
        assertThat(message.body()).isEqualTo("""
                Gracias, ya conecta.
                > Le escribo antes de las 11:00 con el resultado.

                > Enviado desde mi móvil""");
        assertThat(mapping.events()).containsExactly(mapping.ticket(), message);
    }

    @Test
    void anUnknownStatusFallsBackByItsCategoryAndAnUnknownPriorityToMedium() {
        Mapping mapping = map("issue-updated-unknown-status.json");

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P3);
        assertThat(mapping.ticket().assignee()).isNull();
        assertThat(mapping.ticket().occurredAt()).isEqualTo(Instant.parse("2026-11-26T10:46:40Z"));
    }

    @Test
    void aSourceMapsItsOwnStatusesAndPriorities() {
        WebhookSource own = new WebhookSource("jira-acme", "secret",
                Map.of("awaiting VENDOR", TicketStatus.WAITING_ON_THIRD_PARTY), Map.of("Blocker", Priority.P1));

        Mapping mapping = Fixtures.map(mapper, "jira", "issue-updated-unknown-status.json", own, DELIVERY);

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_THIRD_PARTY);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P1);
    }

    @Test
    void statusCategoryDoneIsResolved() {
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.json("jira",
                "issue-updated-unknown-status.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.at("/issue/fields/status")).put("name", "Shipped")
                .putObject("statusCategory").put("key", "done");

        Mapping mapping = mapper.map(payload, new dev.promesa.intake.webhook.Delivery(ACME,
                dev.promesa.intake.webhook.DeliveryHeaders.of(DELIVERY), new byte[0], Fixtures.RECEIVED));

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void otherEventsAreIgnoredNotRefused() {
        Mapping mapping = map("issue-deleted.json");

        assertThat(mapping.valid()).isTrue();
        assertThat(mapping.events()).isEmpty();
        assertThat(mapping.ignored()).contains("jira:issue_deleted");
    }

    @Test
    void withoutTheDeliveryHeaderIdsComeFromIssueCommentAndTimestamp() {
        Mapping mapping = Fixtures.map(mapper, "jira", "comment-created-internal.json", ACME, Map.of());

        assertThat(mapping.interaction().eventId()).isEqualTo(
                "jira:ITSD-17:comment_created:10502:1795681400000:comment");
    }
}
