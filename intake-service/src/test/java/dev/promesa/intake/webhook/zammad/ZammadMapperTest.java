package dev.promesa.intake.webhook.zammad;

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

class ZammadMapperTest {
    private static final WebhookSource ACME = WebhookSource.withDefaults("zammad-acme", "secret");
    private static final Map<String, String> DELIVERY = Map.of("X-Zammad-Delivery",
            "5f6c2b1e-3a4d-4e8f-9b0a-1c2d3e4f5a6b", "X-Zammad-Trigger", "Promesa");
    private final ZammadMapper mapper = new ZammadMapper();

    private Mapping map(String fixture, WebhookSource source, Map<String, String> headers) {
        return Fixtures.map(mapper, "zammad", fixture, source, headers);
    }

    @Test
    void aCustomersHtmlEmailIsASnapshotAndAUserMessage() {
        Mapping mapping = map("customer-email-html.json", ACME, DELIVERY);

        assertThat(mapping.violations()).isEmpty();
        TicketSnapshot ticket = mapping.ticket();
        assertThat(ticket.ticketId()).as("the number agents see, not the database id").isEqualTo("10081");
        assertThat(ticket.eventId()).isEqualTo("zammad:5f6c2b1e-3a4d-4e8f-9b0a-1c2d3e4f5a6b:ticket");
        assertThat(ticket.occurredAt()).isEqualTo(Instant.parse("2026-11-26T08:58:12.333Z"));
        assertThat(ticket.subject()).isEqualTo("La VPN no conecta desde casa");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.P3);
        assertThat(ticket.channel()).isEqualTo(Channel.EMAIL);
        assertThat(ticket.requester().id()).isEqualTo("8");
        assertThat(ticket.requester().name()).isEqualTo("Lucía Fernández");
        assertThat(ticket.requester().email()).isEqualTo("lucia.fernandez@example.com");
        assertThat(ticket.assignee()).as("owner id 1 is Zammad's 'nobody'").isNull();
        assertThat(ticket.team()).isEqualTo("Service Desk");

        Interaction message = mapping.interaction();
        assertThat(message.eventId()).isEqualTo("zammad:5f6c2b1e-3a4d-4e8f-9b0a-1c2d3e4f5a6b:comment");
        assertThat(message.ticketId()).isEqualTo("10081");
        assertThat(message.kind()).isEqualTo(InteractionKind.USER_MESSAGE);
        assertThat(message.author().role()).isEqualTo(AuthorRole.USER);
        assertThat(message.author().id()).isEqualTo("8");
        assertThat(message.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.occurredAt()).isEqualTo(Instant.parse("2026-11-26T08:58:12.318Z"));
        assertThat(message.body())
                .startsWith("Buenos días:")
                .contains("Necesito acceder antes de las 12:00")
                .contains("--\nLucía Fernández")
                .contains("> Le llamaré mañana a las 9")
                .doesNotContain("<div");
        assertThat(mapping.events()).containsExactly(ticket, message);
    }

    @Test
    void anAgentsPublicReplyIsAnAgentReplyWithTheOwnerAsAssignee() {
        Mapping mapping = map("agent-public-reply.json", ACME, DELIVERY);

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P2);
        assertThat(mapping.ticket().assignee().name()).isEqualTo("Jorge Ruiz");
        assertThat(mapping.ticket().assignee().email()).isEqualTo("jorge.ruiz@acme.example");
        Interaction reply = mapping.interaction();
        assertThat(reply.kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(reply.author()).extracting(a -> a.id(), a -> a.role()).containsExactly("5", AuthorRole.AGENT);
        assertThat(reply.publicAgentResponse()).isTrue();
        assertThat(reply.body()).contains("Le escribo antes de las 11:00 con el resultado.")
                .contains("> Desde esta mañana");
    }

    @Test
    void anInternalNoteStaysInternal() {
        Mapping mapping = map("agent-internal-note.json", ACME, DELIVERY);

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_USER);
        assertThat(mapping.interaction().kind()).isEqualTo(InteractionKind.INTERNAL_NOTE);
        assertThat(mapping.interaction().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(mapping.interaction().author().role()).isEqualTo(AuthorRole.AGENT);
        assertThat(mapping.interaction().channel()).as("a note is typed in the web UI").isEqualTo(Channel.WEB);
        assertThat(mapping.interaction().publicAgentResponse()).isFalse();
    }

    @Test
    void unknownStateAndPriorityFallBackAndAPhoneCustomerHasNoEmail() {
        Mapping mapping = map("phone-customer-unknown-state.json", ACME, DELIVERY);

        assertThat(mapping.violations()).isEmpty();
        assertThat(mapping.ticket().status()).isEqualTo(ZammadMapper.STATUSES.fallback()).isEqualTo(
                TicketStatus.OPEN);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P3);
        assertThat(mapping.ticket().channel()).isEqualTo(Channel.PHONE);
        assertThat(mapping.ticket().requester().email()).isNull();
        assertThat(mapping.ticket().requester().id()).isEqualTo("12");
        assertThat(mapping.ticket().requester().name()).isEqualTo("Ramón Gil");
        assertThat(mapping.ticket().assignee()).as("the system user '-'").isNull();
        assertThat(mapping.interaction()).as("article {}: the trigger fired without one").isNull();
    }

    @Test
    void aSourceOverridesStatusesAndPriorities() {
        WebhookSource own = new WebhookSource("zammad-acme", "secret",
                Map.of("Waiting for vendor", TicketStatus.WAITING_ON_THIRD_PARTY), Map.of("4 critical", Priority.P1));

        Mapping mapping = map("phone-customer-unknown-state.json", own, DELIVERY);

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_THIRD_PARTY);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P1);
    }

    @Test
    void systemArticlesAreNotInteractions() {
        Mapping mapping = map("system-notification.json", ACME, DELIVERY);

        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P4);
        assertThat(mapping.interaction()).as("an auto-reply is neither the agent nor the user").isNull();
    }

    @Test
    void withoutDeliveryIdTheIdsComeFromTicketArticleAndUpdateTime() {
        Mapping first = map("customer-email-html.json", ACME, Map.of());
        Mapping again = map("customer-email-html.json", ACME, Map.of());

        assertThat(first.ticket().eventId()).isEqualTo(
                "zammad:10081:article:104:2026-11-26T08:58:12.333Z:ticket");
        assertThat(again.ticket().eventId()).isEqualTo(first.ticket().eventId());
        assertThat(again.interaction().eventId()).isEqualTo(first.interaction().eventId())
                .isNotEqualTo(first.ticket().eventId());
    }

    @Test
    void aPayloadWithoutTicketNumberNamesTheField() {
        ObjectNode payload = (ObjectNode) Fixtures.json("zammad", "customer-email-html.json");
        ((ObjectNode) payload.get("ticket")).remove("number");
        ((ObjectNode) payload.get("ticket")).put("updated_at", "26/11/2026 09:00");

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(DELIVERY), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.valid()).isFalse();
        assertThat(mapping.violations()).extracting(v -> v.field()).containsExactly("ticket.number",
                "ticket.updated_at");
        assertThat(mapping.violations().get(0).message()).contains("is required");
        assertThat(mapping.violations().get(1).message()).contains("'26/11/2026 09:00' is not a timestamp");
    }

    @Test
    void aCustomPayloadIsRefusedWithAHint() {
        Mapping mapping = mapper.map(Fixtures.JSON.createObjectNode().put("ticket", "#{ticket.title}"),
                new Delivery(ACME, DeliveryHeaders.of(DELIVERY), new byte[0], Fixtures.RECEIVED));

        assertThat(mapping.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ticket");
            assertThat(v.message()).contains("Custom Payload");
        });
    }

    @Test
    void theRestApisLimitsApply() {
        ObjectNode payload = (ObjectNode) Fixtures.json("zammad", "agent-public-reply.json");
        ((ObjectNode) payload.get("ticket")).put("title", "x".repeat(501));
        ((ObjectNode) payload.get("article")).put("content_type", "text/plain").put("body", "ok\u0000");

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(DELIVERY), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.violations()).extracting(v -> v.field() + " " + v.message()).containsExactly(
                "ticket.title is too long: 501 characters, at most 500 allowed",
                "article.body must not contain the NUL character (\\u0000)");
    }
}
