package dev.promesa.intake.webhook.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.intake.webhook.Delivery;
import dev.promesa.intake.webhook.DeliveryHeaders;
import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.WebhookSource;

class ZendeskMapperTest {
    private static final WebhookSource ACME = WebhookSource.withDefaults("zendesk-acme", "secret");
    private final ZendeskMapper mapper = new ZendeskMapper();

    private Mapping map(String fixture) {
        return Fixtures.map(mapper, "zendesk", fixture, ACME, Map.of());
    }

    @Test
    void aTriggerWithAnAgentsPublicCommentIsASnapshotAndAnAgentReply() {
        Mapping mapping = map("trigger-agent-public.json");

        assertThat(mapping.violations()).isEmpty();
        TicketSnapshot ticket = mapping.ticket();
        assertThat(ticket.ticketId()).isEqualTo("5158");
        assertThat(ticket.eventId()).matches("zendesk:5158:2026-11-26T09:25:30Z:body-[0-9a-f]{16}:ticket");
        assertThat(ticket.occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:25:30Z"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.priority()).isEqualTo(Priority.P2);
        assertThat(ticket.channel()).isEqualTo(Channel.EMAIL);
        assertThat(ticket.team()).isEqualTo("Service Desk");
        assertThat(ticket.requester()).extracting(p -> p.id(), p -> p.name(), p -> p.email())
                .containsExactly("8447388090494", "Lucía Fernández", "lucia.fernandez@example.com");
        assertThat(ticket.assignee().email()).isEqualTo("jorge.ruiz@acme.example");

        Interaction reply = mapping.interaction();
        assertThat(reply.eventId()).as("the comment's own id").isEqualTo("zendesk:5158:comment:9876543210:comment");
        assertThat(reply.kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(reply.author().id()).isEqualTo("8447388090495");
        assertThat(reply.body()).contains("Le escribo antes de las 13:00 con novedades.");
    }

    @Test
    void theLatestCommentRepeatedOnALaterUpdateIsTheSameEvent() {
        ObjectNode later = (ObjectNode) Fixtures.json("zendesk", "trigger-agent-public.json");
        ((ObjectNode) later.get("ticket")).put("status", "Solved").put("updated_at", "2026-11-26T15:00:00Z");

        Mapping first = map("trigger-agent-public.json");
        Mapping repeat = mapper.map(later, new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0],
                Fixtures.RECEIVED));

        assertThat(repeat.ticket().eventId()).isNotEqualTo(first.ticket().eventId());
        assertThat(repeat.ticket().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(repeat.interaction().eventId()).isEqualTo(first.interaction().eventId());
    }

    @Test
    void anEndUsersReplyIsAUserMessageWithTheQuoteMarked() {
        Interaction message = map("trigger-end-user-reply.json").interaction();

        assertThat(message.kind()).isEqualTo(InteractionKind.USER_MESSAGE);
        assertThat(message.author().role()).isEqualTo(AuthorRole.USER);
        assertThat(message.body()).contains("> Le escribo antes de las 13:00");
    }

    @Test
    void aPrivateCommentIsAnInternalNoteAndHtmlBecomesText() {
        Mapping mapping = map("trigger-private-note-pending.json");

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_USER);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P1);
        assertThat(mapping.interaction().kind()).isEqualTo(InteractionKind.INTERNAL_NOTE);
        assertThat(mapping.interaction().body()).isEqualTo(
                "Abierto caso con el proveedor de MDM; respuesta esperada mañana.");
    }

    @Test
    void anAutomationWithoutCommentIsASnapshotWithWhatIsKnown() {
        Mapping mapping = map("automation-unknown-status.json");

        assertThat(mapping.violations()).isEmpty();
        assertThat(mapping.ticket().status()).as("an unknown (custom) status").isEqualTo(TicketStatus.OPEN);
        assertThat(mapping.ticket().priority()).as("no priority set").isEqualTo(Priority.P3);
        assertThat(mapping.ticket().channel()).isEqualTo(Channel.WEB);
        assertThat(mapping.ticket().team()).isNull();
        assertThat(mapping.ticket().requester().email()).isNull();
        assertThat(mapping.ticket().assignee()).as("every placeholder empty: nobody").isNull();
        assertThat(mapping.interaction()).isNull();
    }

    @Test
    void withoutAuthorRoleTheRequesterIsTheUser() {
        ObjectNode payload = (ObjectNode) Fixtures.json("zendesk", "trigger-end-user-reply.json");
        ((ObjectNode) payload.get("comment")).remove("author_role");

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.interaction().author().role()).isEqualTo(AuthorRole.USER);
    }

    @Test
    void aMistypedAuthorRoleNamesTheField() {
        ObjectNode payload = (ObjectNode) Fixtures.json("zendesk", "trigger-agent-public.json");
        ((ObjectNode) payload.get("comment")).put("author_role", "agnet");

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("comment.author_role");
            assertThat(v.message()).contains("'agnet' is not one of agent, end-user");
        });
    }

    @Test
    void anEventSubscriptionCarriesIdsOnly() {
        Mapping mapping = map("event-comment-added.json");

        assertThat(mapping.violations()).isEmpty();
        TicketSnapshot ticket = mapping.ticket();
        assertThat(ticket.eventId()).isEqualTo("zendesk:d4f5c389-8f4a-4c2e-a1b9-8e4f39c71d52:ticket");
        assertThat(ticket.ticketId()).isEqualTo("5158");
        assertThat(ticket.occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:25:30.123456789Z"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.priority()).isEqualTo(Priority.P2);
        assertThat(ticket.requester()).extracting(p -> p.id(), p -> p.name(), p -> p.email())
                .containsExactly("8447388090494", null, null);
        assertThat(ticket.team()).isEqualTo("8447320466430");
        Interaction reply = mapping.interaction();
        assertThat(reply.eventId()).isEqualTo("zendesk:d4f5c389-8f4a-4c2e-a1b9-8e4f39c71d52:comment");
        assertThat(reply.kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(reply.author().id()).isEqualTo("8447388090495");
    }

    @Test
    void nonTicketEventsAreIgnored() {
        assertThat(map("event-user-created.json").ignored()).contains("user.created");
    }

    @Test
    void aBodyThatIsNotTheTemplateSaysWhereTheTemplateIs() {
        Mapping mapping = mapper.map(Fixtures.JSON.createObjectNode().put("ticket_id", "5158"),
                new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0], Fixtures.RECEIVED));

        assertThat(mapping.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ticket");
            assertThat(v.message()).contains("docs/webhooks/zendesk.md");
        });
    }
}
