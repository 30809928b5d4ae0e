package dev.promesa.intake.webhook.freshdesk;

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
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.intake.webhook.Delivery;
import dev.promesa.intake.webhook.DeliveryHeaders;
import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.WebhookSource;

class FreshdeskMapperTest {
    private static final WebhookSource ACME = WebhookSource.withDefaults("freshdesk-acme", "secret");
    private final FreshdeskMapper mapper = new FreshdeskMapper();

    private Mapping map(String fixture) {
        return Fixtures.map(mapper, "freshdesk", fixture, ACME, Map.of());
    }

    @Test
    void aTicketRuleIsASnapshot() {
        Mapping mapping = map("ticket-created.json");

        assertThat(mapping.violations()).isEmpty();
        assertThat(mapping.ticket().ticketId()).isEqualTo("311");
        assertThat(mapping.ticket().eventId()).matches(
                "freshdesk:311:ticket:2026-11-26T09:00:00Z:body-[0-9a-f]{16}:ticket");
        assertThat(mapping.ticket().subject()).as("Freshdesk escapes it for HTML").isEqualTo(
                "Pantalla rota & teclado sin respuesta");
        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P1);
        assertThat(mapping.ticket().channel()).isEqualTo(Channel.WEB);
        assertThat(mapping.ticket().requester().id()).as("known by e-mail").isEqualTo(
                "lucia.fernandez@example.com");
        assertThat(mapping.ticket().assignee()).isNull();
        assertThat(mapping.interaction()).isNull();
    }

    @Test
    void anAgentReplyLosesFreshdesksNamePrefixAndKeepsTheQuoteMarked() {
        Mapping mapping = map("agent-reply.json");

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_USER);
        assertThat(mapping.ticket().occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:15:00Z"));
        Interaction reply = mapping.interaction();
        assertThat(reply.eventId()).matches("freshdesk:311:agent_reply:2026-11-26T09:15:00Z:body-[0-9a-f]{16}:comment")
                .startsWith(mapping.ticket().eventId().replace(":ticket", ""));
        assertThat(reply.kind()).isEqualTo(InteractionKind.AGENT_REPLY);
        assertThat(reply.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(reply.author()).extracting(a -> a.id(), a -> a.role())
                .containsExactly("jorge.ruiz@acme.example", AuthorRole.AGENT);
        assertThat(reply.body()).startsWith("Hola Lucía:")
                .contains("Le llamo mañana antes de las 10:00")
                .contains("> Se me ha caído el portátil.")
                .doesNotContain("Jorge Ruiz :");
    }

    @Test
    void aCustomerReplyIsTheRequestersMessage() {
        Interaction message = map("customer-reply.json").interaction();

        assertThat(message.kind()).isEqualTo(InteractionKind.USER_MESSAGE);
        assertThat(message.author()).extracting(a -> a.id(), a -> a.role())
                .containsExactly("lucia.fernandez@example.com", AuthorRole.USER);
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.body()).isEqualTo("Perfecto, estaré en la oficina.");
    }

    @Test
    void aPrivateNoteIsInternal() {
        Mapping mapping = map("private-note.json");

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.WAITING_ON_THIRD_PARTY);
        assertThat(mapping.interaction().kind()).isEqualTo(InteractionKind.INTERNAL_NOTE);
        assertThat(mapping.interaction().visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void numbersWorkAsWellAsLabels() {
        ObjectNode payload = (ObjectNode) Fixtures.json("freshdesk", "ticket-created.json");
        ((ObjectNode) payload.get("ticket")).put("status", 4).put("priority", 1);

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.ticket().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(mapping.ticket().priority()).isEqualTo(Priority.P4);
    }

    @Test
    void aRetryIsTheSameEventAndAnotherUpdateInTheSameSecondIsNot() {
        ObjectNode payload = (ObjectNode) Fixtures.json("freshdesk", "ticket-created.json");
        byte[] body = payload.toString().getBytes();
        ObjectNode changed = payload.deepCopy();
        ((ObjectNode) changed.get("ticket")).put("priority", "High");

        Mapping first = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), body,
                Fixtures.RECEIVED));
        Mapping retry = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), body.clone(),
                Fixtures.RECEIVED.plusSeconds(1800)));
        Mapping sameSecond = mapper.map(changed, new Delivery(ACME, DeliveryHeaders.of(Map.of()),
                changed.toString().getBytes(), Fixtures.RECEIVED));

        assertThat(retry.ticket().eventId()).isEqualTo(first.ticket().eventId());
        assertThat(sameSecond.ticket().eventId()).isNotEqualTo(first.ticket().eventId());
    }

    @Test
    void withoutUpdateTimeTheBodyDigestKeepsRetriesTheSameEvent() {
        ObjectNode payload = (ObjectNode) Fixtures.json("freshdesk", "ticket-created.json");
        ((ObjectNode) payload.get("ticket")).put("updated_at", "");
        byte[] body = payload.toString().getBytes();

        Mapping first = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), body,
                Fixtures.RECEIVED));
        Mapping retry = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), body,
                Fixtures.RECEIVED.plusSeconds(300)));

        assertThat(first.ticket().eventId()).startsWith("freshdesk:311:ticket:no-time:body-")
                .isEqualTo(retry.ticket().eventId());
        assertThat(first.ticket().occurredAt()).isEqualTo(Fixtures.RECEIVED);
    }

    @Test
    void theKindIsRequiredAndChecked() {
        ObjectNode payload = (ObjectNode) Fixtures.json("freshdesk", "agent-reply.json");
        payload.put("kind", "agent reply");

        Mapping mapping = mapper.map(payload, new Delivery(ACME, DeliveryHeaders.of(Map.of()), new byte[0],
                Fixtures.RECEIVED));

        assertThat(mapping.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("kind");
            assertThat(v.message()).contains("ticket, agent_reply, customer_reply, private_note");
        });
    }

    @Test
    void theNamePrefixIsOnlyTakenWhenItIsOne() {
        assertThat(FreshdeskMapper.withoutAuthor("Jorge Ruiz : <div>Hola</div>")).isEqualTo("<div>Hola</div>");
        assertThat(FreshdeskMapper.withoutAuthor("<div>Ratio 3 : 1</div>")).isEqualTo("<div>Ratio 3 : 1</div>");
        assertThat(FreshdeskMapper.withoutAuthor("no prefix here")).isEqualTo("no prefix here");
    }
}
