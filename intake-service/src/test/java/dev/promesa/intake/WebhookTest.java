package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.promesa.contracts.Topics;
import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * The four desks' webhooks against the real broker: a fixture posted with the desk's signature is on
 * helpdesk.events.v1 as the expected records; a missing or wrong signature, an unknown source or a stale Zendesk
 * timestamp is 401 and publishes nothing; a redelivery carries the same event ids; an unmappable payload is 400 naming
 * its field.
 */
@QuarkusTest
class WebhookTest {
    private static final String TICKET = "helpdesk.ticket.v1";
    private static final String INTERACTION = "helpdesk.interaction.v1";

    /** What a delivery must become: the records' types in order, and checks of their payloads. */
    record Expected(String desk, String fixture, String ticketId, List<String> types,
            BiConsumer<JsonNode, JsonNode> payloads) {
        @Override
        public String toString() {
            return desk + "/" + fixture;
        }
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                expect("zammad", "customer-email-html.json", "10081", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.get("status").asText()).isEqualTo("NEW");
                    assertThat(t.at("/requester/email").asText()).isEqualTo("lucia.fernandez@example.com");
                    assertThat(t.get("assignee").isNull()).isTrue();
                    assertThat(i.get("kind").asText()).isEqualTo("USER_MESSAGE");
                    assertThat(i.get("visibility").asText()).isEqualTo("PUBLIC");
                    assertThat(i.get("body").asText()).contains("> Le llamaré mañana a las 9")
                            .doesNotContain("<div");
                }),
                expect("zammad", "agent-internal-note.json", "10081", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(i.get("kind").asText()).isEqualTo("INTERNAL_NOTE");
                    assertThat(i.get("visibility").asText()).isEqualTo("INTERNAL");
                    assertThat(i.at("/author/role").asText()).isEqualTo("AGENT");
                }),
                expect("zammad", "phone-customer-unknown-state.json", "10082", List.of(TICKET), (t, i) -> {
                    assertThat(t.get("status").asText()).as("the source's status-map").isEqualTo(
                            "WAITING_ON_THIRD_PARTY");
                    assertThat(t.get("priority").asText()).as("unknown priority: the fallback").isEqualTo("P3");
                    assertThat(t.at("/requester/email").isNull()).isTrue();
                    assertThat(t.at("/requester/name").asText()).isEqualTo("Ramón Gil");
                }),
                expect("jira", "issue-created.json", "ITSD-17", List.of(TICKET), (t, i) -> {
                    assertThat(t.get("priority").asText()).isEqualTo("P2");
                    assertThat(t.get("status").asText()).isEqualTo("OPEN");
                    assertThat(t.at("/requester/email").isNull()).as("Jira hid it").isTrue();
                    assertThat(t.at("/requester/name").asText()).isEqualTo("Lucía Fernández");
                    assertThat(t.at("/assignee/email").asText()).isEqualTo("jorge.ruiz@acme.example");
                }),
                expect("jira", "comment-created-public-adf.json", "ITSD-17", List.of(INTERACTION), (t, i) -> {
                    assertThat(i.get("kind").asText()).isEqualTo("AGENT_REPLY");
                    assertThat(i.get("body").asText()).contains("- Renovamos el certificado hoy.")
                            .contains("> Le llamaré mañana a las 9.");
                }),
                expect("jira", "comment-created-customer.json", "ITSD-17", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(i.get("kind").asText()).isEqualTo("USER_MESSAGE");
                    assertThat(i.at("/author/role").asText()).isEqualTo("USER");
                }),
                expect("jira", "issue-updated-unknown-status.json", "ITSD-18", List.of(TICKET), (t, i) -> {
                    assertThat(t.get("priority").asText()).as("the source's priority-map").isEqualTo("P1");
                    assertThat(t.get("status").asText()).isEqualTo("OPEN");
                }),
                expect("zendesk", "trigger-agent-public.json", "5158", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.get("priority").asText()).isEqualTo("P2");
                    assertThat(t.get("team").asText()).isEqualTo("Service Desk");
                    assertThat(i.get("kind").asText()).isEqualTo("AGENT_REPLY");
                    assertThat(i.get("eventId").asText()).isEqualTo("zendesk:5158:comment:9876543210:comment");
                }),
                expect("zendesk", "trigger-private-note-pending.json", "5158", List.of(TICKET, INTERACTION),
                        (t, i) -> {
                            assertThat(t.get("status").asText()).isEqualTo("WAITING_ON_USER");
                            assertThat(i.get("kind").asText()).isEqualTo("INTERNAL_NOTE");
                        }),
                expect("zendesk", "trigger-raw-line-breaks.json", "5161", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.get("subject").asText()).isEqualTo("Correo \"rebotado\" al enviar a proveedores");
                    assertThat(i.get("body").asText()).isEqualTo(
                            "Revisado.\nLe llamo esta tarde para probarlo juntos.");
                }),
                expect("zendesk", "event-comment-added.json", "5158", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.at("/requester/id").asText()).isEqualTo("8447388090494");
                    assertThat(t.at("/requester/email").isNull()).as("events carry ids only").isTrue();
                    assertThat(i.at("/author/role").asText()).isEqualTo("AGENT");
                }),
                expect("freshdesk", "agent-reply.json", "311", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.get("subject").asText()).isEqualTo("Pantalla rota & teclado sin respuesta");
                    assertThat(i.get("kind").asText()).isEqualTo("AGENT_REPLY");
                    assertThat(i.get("body").asText()).startsWith("Hola Lucía:").contains("> Se me ha caído");
                }),
                expect("freshdesk", "customer-reply.json", "311", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(i.get("kind").asText()).isEqualTo("USER_MESSAGE");
                    assertThat(i.at("/author/id").asText()).isEqualTo("lucia.fernandez@example.com");
                }),
                expect("freshdesk", "private-note.json", "311", List.of(TICKET, INTERACTION), (t, i) -> {
                    assertThat(t.get("status").asText()).isEqualTo("WAITING_ON_THIRD_PARTY");
                    assertThat(i.get("visibility").asText()).isEqualTo("INTERNAL");
                }));
    }

    private static Arguments expect(String desk, String fixture, String ticketId, List<String> types,
            BiConsumer<JsonNode, JsonNode> payloads) {
        return Arguments.of(new Expected(desk, fixture, ticketId, types, payloads));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void aSignedDeliveryIsOnTheTopicAsTheExpectedRecords(Expected expected) throws Exception {
        String source = Webhooks.SOURCE.get(expected.desk());
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            List<String> ids = Webhooks.postFixture(expected.desk(), expected.fixture())
                    .then().statusCode(202).body("eventIds", hasSize(expected.types().size()))
                    .extract().jsonPath().getList("eventIds", String.class);

            List<ConsumerRecord<String, String>> records = records(tail, ids);
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_type"))
                    .containsExactlyElementsOf(expected.types());
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_source")).containsOnly(source);
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_subject")).containsOnly(expected.ticketId());
            JsonNode ticket = null;
            JsonNode interaction = null;
            for (ConsumerRecord<String, String> record : records) {
                JsonNode payload = SampleEvents.JSON.readTree(record.value());
                assertThat(payload.get("eventId").asText()).isEqualTo(TopicTail.header(record, "ce_id"));
                assertThat(payload.get("ticketId").asText()).isEqualTo(expected.ticketId());
                assertThat(Instant.parse(payload.get("occurredAt").asText())).isEqualTo(
                        Instant.parse(TopicTail.header(record, "ce_time")));
                if (TICKET.equals(TopicTail.header(record, "ce_type"))) {
                    ticket = payload;
                } else {
                    interaction = payload;
                }
            }
            expected.payloads().accept(ticket, interaction);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zammad", "jira"})
    void aRedeliveryByDeliveryIdCarriesTheSameEventIds(String desk) {
        String fixture = desk.equals("zammad") ? "agent-public-reply.json" : "comment-created-internal.json";
        byte[] body = Fixtures.bytes(desk, fixture);
        String source = Webhooks.SOURCE.get(desk);
        Map<String, String> headers = Webhooks.signed(desk, Webhooks.SECRET.get(source), body);

        List<String> first = Webhooks.acceptedIds(desk, source, body, headers);
        List<String> retry = Webhooks.acceptedIds(desk, source, body, headers);
        List<String> anotherDelivery = Webhooks.acceptedIds(desk, source, body,
                Webhooks.signed(desk, Webhooks.SECRET.get(source), body));

        assertThat(retry).isEqualTo(first);
        assertThat(anotherDelivery).as("a new delivery (another trigger run) is a new event")
                .doesNotContainAnyElementsOf(
                        first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zendesk", "freshdesk"})
    void aRedeliveryOfATemplatedDeskCarriesTheSameEventIds(String desk) {
        String fixture = desk.equals("zendesk") ? "trigger-end-user-reply.json" : "customer-reply.json";
        byte[] body = Fixtures.bytes(desk, fixture);
        String source = Webhooks.SOURCE.get(desk);

        List<String> first = Webhooks.acceptedIds(desk, source, body, Webhooks.signed(desk,
                Webhooks.SECRET.get(source), body));
        // A retry a few minutes later: Zendesk signs it anew, with the body unchanged.
        List<String> retry = Webhooks.acceptedIds(desk, source, body, Webhooks.signed(desk,
                Webhooks.SECRET.get(source), body, UUID.randomUUID().toString(), Instant.now().minusSeconds(120)));

        assertThat(retry).hasSize(2).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zammad", "jira", "zendesk", "freshdesk"})
    void aWrongSignatureIs401AndPublishesNothing(String desk) {
        String source = Webhooks.SOURCE.get(desk);
        String fixture = Map.of("zammad", "customer-email-html.json", "jira", "comment-created-customer.json",
                "zendesk", "trigger-agent-public.json", "freshdesk", "agent-reply.json").get(desk);
        String ticketId = Map.of("zammad", "10081", "jira", "ITSD-17", "zendesk", "5158", "freshdesk", "311")
                .get(desk);
        byte[] body = Fixtures.bytes(desk, fixture);
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            Webhooks.post(desk, source, body, Webhooks.signed(desk, "not-the-secret", body))
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("status", is(401))
                    .body("type", containsString("webhook-bad-signature"))
                    .body("detail", containsString(desk.equals("freshdesk") ? "webhook secret" : "does not match"))
                    .body("detail", org.hamcrest.Matchers.not(containsString(Webhooks.SECRET.get(source))));

            NothingPublished.assertNothingBeforeMarker(tail, source, ticketId,
                    () -> Webhooks.acceptedIds(desk, source, body, Webhooks.signed(desk, Webhooks.SECRET.get(source),
                            body)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zammad", "jira", "zendesk", "freshdesk"})
    void aMissingSignatureIs401SayingWhatToSet(String desk) {
        String fixture = Map.of("zammad", "agent-internal-note.json", "jira", "issue-created.json", "zendesk",
                "automation-unknown-status.json", "freshdesk", "ticket-created.json").get(desk);
        String expectedHint = Map.of("zammad", "HMAC SHA1 Signature Token", "jira", "WebHooks", "zendesk",
                "X-Zendesk-Webhook-Signature", "freshdesk", "Requires authentication").get(desk);

        Webhooks.post(desk, Webhooks.SOURCE.get(desk), Fixtures.bytes(desk, fixture), Map.of())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("promesa-webhooks"))
                .body("type", containsString("webhook-missing-signature"))
                .body("detail", containsString(expectedHint));
    }

    @Test
    void anUnknownSourceOrOneWithoutSecretIs401AndPublishesNothing() {
        byte[] body = Fixtures.bytes("zammad", "system-notification.json");
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            List<String> refused = List.of("nobody-here", "no-secret", "zammad-ACME");
            for (String source : refused) {
                Webhooks.post("zammad", source, body, Webhooks.signed("zammad", "zammad-test-token", body))
                        .then().statusCode(401).contentType("application/problem+json")
                        .body("type", containsString("webhook-unknown-source"))
                        .body("detail", containsString("No webhook secret is configured for the source '" + source
                                + "'"));
            }
            NothingPublished.assertNothingForSources(tail, refused, "10083");
        }
    }

    @Test
    void aZendeskTimestampOlderThanFiveMinutesIs401AndPublishesNothing() {
        byte[] body = Fixtures.bytes("zendesk", "trigger-raw-line-breaks.json");
        String secret = Webhooks.SECRET.get("zendesk-acme");
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            Webhooks.post("zendesk", "zendesk-acme", body, Webhooks.signed("zendesk", secret, body, "x",
                    Instant.now().minus(Duration.ofMinutes(6))))
                    .then().statusCode(401)
                    .body("type", containsString("webhook-stale-timestamp"))
                    .body("detail", containsString("replay"));

            NothingPublished.assertNothingBeforeMarker(tail, "zendesk-acme", "5161",
                    () -> Webhooks.acceptedIds("zendesk", "zendesk-acme", body, Webhooks.signed("zendesk", secret,
                            body)));
        }
    }

    @Test
    void anUnmappablePayloadIs400NamingTheFieldAndPublishesNothing() throws Exception {
        ObjectNode payload = (ObjectNode) Fixtures.json("zammad", "customer-email-html.json");
        ((ObjectNode) payload.get("ticket")).remove("number");
        byte[] noNumber = Webhooks.utf8(payload.toString());
        ObjectNode jira = (ObjectNode) Fixtures.json("jira", "comment-created-internal.json");
        ((ObjectNode) jira.get("comment")).put("created", "yesterday at noon");
        byte[] badTime = Webhooks.utf8(jira.toString());
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            Webhooks.post("zammad", "zammad-acme", noNumber, Webhooks.signed("zammad", "zammad-test-token", noNumber))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("ticket.number"))
                    .body("errors[0].message", containsString("is required"));
            Webhooks.post("jira", "jira-acme", badTime, Webhooks.signed("jira", "jira-test-secret", badTime))
                    .then().statusCode(400)
                    .body("errors[0].field", is("comment.created"))
                    .body("detail", containsString("'yesterday at noon' is not a timestamp"));

            byte[] valid = Fixtures.bytes("jira", "comment-created-internal.json");
            NothingPublished.assertNothingBeforeMarker(tail, "jira-acme", "ITSD-17", () -> Webhooks.acceptedIds(
                    "jira", "jira-acme", valid, Webhooks.signed("jira", "jira-test-secret", valid)));
        }
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        byte[] body = Webhooks.utf8("ticket_id=5158&status=open");
        Webhooks.post("freshdesk", "freshdesk-acme", body, Webhooks.signed("freshdesk", "freshdesk-test-secret", body))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-json"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void eventsPromesaHasNoUseForAre2xxSoTheDeskDoesNotRetry() {
        Webhooks.postFixture("jira", "issue-deleted.json")
                .then().statusCode(200).body("eventIds", empty()).body("ignored", containsString("jira:issue_deleted"));
        Webhooks.postFixture("zendesk", "event-user-created.json")
                .then().statusCode(200).body("ignored", containsString("user.created"));
    }

    @Test
    void anUnknownDeskIs404ListingTheDesks() {
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/webhooks/github/zammad-acme")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("zammad, zendesk, jira, freshdesk"));
    }

    @Test
    void aPromesaApiKeyIsNotAFreshdeskSecret() {
        byte[] body = Fixtures.bytes("freshdesk", "ticket-created.json");
        Webhooks.post("freshdesk", "freshdesk-acme", body, Map.of("X-Api-Key", SampleEvents.KEY_A))
                .then().statusCode(401).body("type", containsString("webhook-bad-signature"));
        Webhooks.post("freshdesk", "freshdesk-acme", body, Map.of("X-Api-Key", "freshdesk-test-secret"))
                .then().statusCode(202);
    }

    @Test
    void theExemptionCoversWebhooksOnlyHowEverThePathIsSpelled() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : List.of("/api/v1/webhooks/../tickets", "/api/v1/webhooks/zammad/../../tickets",
                "/api/v1/webhooks/%2e%2e/tickets")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SampleEvents.ticket(SampleEvents.newTicketId())
                            .toString()))
                    .build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("POST %s without a key", path).isEqualTo(401);
        }
    }

    @Test
    void metricsCountAcceptedBySourceAndRefusedByReason() {
        Webhooks.postFixture("zammad", "system-notification.json").then().statusCode(202);
        byte[] body = Fixtures.bytes("zammad", "system-notification.json");
        Webhooks.post("zammad", "zammad-acme", body, Map.of("X-Hub-Signature", "sha1=00")).then().statusCode(401);

        Response metrics = given().when().get("/q/metrics");
        metrics.then().statusCode(200);
        assertThat(metrics.asString())
                .contains("promesa_intake_webhook_accepted_total{desk=\"zammad\",source=\"zammad-acme\","
                        + "type=\"helpdesk.ticket.v1\"}")
                .contains("promesa_intake_webhook_rejected_total{desk=\"zammad\",reason=\"bad-signature\"}");
    }

    @Test
    void openApiDescribesTheWebhookWithoutTheApiKey() {
        JsonNode document = given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .as(JsonNode.class);
        JsonNode operation = document.at("/paths/~1api~1v1~1webhooks~1{desk}~1{source}/post");
        assertThat(operation.isMissingNode()).isFalse();
        // [{}]: the empty requirement, "no authentication" in OpenAPI, instead of the document's default apiKey.
        assertThat(operation.get("security")).as("no X-Api-Key").isNotNull()
                .allSatisfy(requirement -> assertThat(requirement.has("apiKey")).isFalse());
        assertThat(document.at("/paths/~1api~1v1~1tickets/post/security").toString()).doesNotContain("[{}]");
    }

    private static List<ConsumerRecord<String, String>> records(TopicTail tail, List<String> ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> records;
        do {
            records = tail.received().stream().filter(r -> ids.contains(TopicTail.header(r, "ce_id"))).toList();
        } while (records.size() < ids.size() && System.nanoTime() < deadline);
        assertThat(records).extracting(r -> TopicTail.header(r, "ce_id")).containsExactlyElementsOf(ids);
        return records;
    }
}
