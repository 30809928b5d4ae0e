package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** What each endpoint puts on helpdesk.events.v1: key, CloudEvents headers and the JSON payload. */
@QuarkusTest
class PublishingTest {

    @Test
    void ticketSnapshotIsOnTheTopicWithCloudEventsHeaders() throws Exception {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        String eventId = ticket.get("eventId").asText();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(ticket.toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(202).body("eventIds", contains(eventId));

            ConsumerRecord<String, String> record = only(tail, ticketId);
            assertThat(record.key()).as("source/ticket id").isEqualTo("desk-a/" + ticketId);
            assertThat(TopicTail.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicTail.header(record, "ce_id")).isEqualTo(eventId);
            assertThat(TopicTail.header(record, "ce_type")).isEqualTo("helpdesk.ticket.v1");
            assertThat(TopicTail.header(record, "ce_source")).isEqualTo("desk-a");
            assertThat(TopicTail.header(record, "ce_subject")).isEqualTo(ticketId);
            assertThat(TopicTail.header(record, "ce_time")).isEqualTo("2026-11-26T09:00:00Z");
            assertThat(TopicTail.header(record, "content-type")).isEqualTo("application/json");
            JsonNode payload = SampleEvents.JSON.readTree(record.value());
            assertThat(payload.get("subject").asText()).isEqualTo("La VPN no conecta desde casa");
            assertThat(payload.get("priority").asText()).isEqualTo("P2");
            assertThat(payload.at("/requester/email").asText()).isEqualTo("lucia.fernandez@example.com");
            assertThat(payload.at("/assignee/name").asText()).isEqualTo("Jorge Ruiz");
            assertThat(payload.get("occurredAt").asText()).isEqualTo("2026-11-26T09:00:00Z");
        }
    }

    @Test
    void interactionTakesTheTicketFromTheUrlAndKeepsThePromise() throws Exception {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode interaction = SampleEvents.interaction(ticketId);
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_B).body(interaction.toString())
                    .when().post("/api/v1/tickets/{id}/interactions", ticketId)
                    .then().statusCode(202);

            ConsumerRecord<String, String> record = only(tail, ticketId);
            assertThat(TopicTail.header(record, "ce_type")).isEqualTo("helpdesk.interaction.v1");
            assertThat(TopicTail.header(record, "ce_source")).isEqualTo("desk-b");
            JsonNode payload = SampleEvents.JSON.readTree(record.value());
            assertThat(payload.get("ticketId").asText()).isEqualTo(ticketId);
            assertThat(payload.at("/commitment/dueAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
            assertThat(payload.at("/commitment/promisedTo").asText()).isEqualTo("USER");
            assertThat(payload.at("/fulfils/0").asText()).isEqualTo("c-earlier");
            assertThat(payload.at("/author/role").asText()).isEqualTo("AGENT");
        }
    }

    @Test
    void eventIdComesFromIdempotencyKeyWhenTheBodyHasNone() {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        ticket.remove("eventId");
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A)
                    .header("Idempotency-Key", "retry-" + ticketId).body(ticket.toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(202).body("eventIds", contains("retry-" + ticketId));

            assertThat(TopicTail.header(only(tail, ticketId), "ce_id")).isEqualTo("retry-" + ticketId);
        }
    }

    @Test
    void eventIdIsGeneratedWhenNeitherIsGiven() {
        ObjectNode ticket = SampleEvents.ticket(SampleEvents.newTicketId());
        ticket.remove("eventId");
        String id = given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A)
                .body(ticket.toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(202).body("eventIds", hasSize(1)).extract().path("eventIds[0]");
        assertThat(id).matches("[0-9a-f-]{36}");
    }

    @Test
    void batchPublishesEveryItemInOrderPerTicket() throws Exception {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode ticket = SampleEvents.ticket(ticketId).put("type", "ticket");
        ObjectNode first = SampleEvents.interaction(ticketId).put("type", "interaction").put("ticketId", ticketId);
        ObjectNode second = SampleEvents.interaction(ticketId).put("type", "interaction").put("ticketId", ticketId);
        second.remove("commitment");
        ObjectNode batch = SampleEvents.JSON.createObjectNode();
        batch.putArray("events").add(ticket).add(first).add(second);
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(batch.toString())
                    .when().post("/api/v1/events")
                    .then().statusCode(202).body("eventIds", hasSize(3));

            List<ConsumerRecord<String, String>> records = forTicket(tail.awaitCount(3, Duration.ofSeconds(30)),
                    ticketId);
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_id")).containsExactly(
                    ticket.get("eventId").asText(), first.get("eventId").asText(), second.get("eventId").asText());
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_type")).containsExactly(
                    "helpdesk.ticket.v1", "helpdesk.interaction.v1", "helpdesk.interaction.v1");
            // The batch envelope's "type" is routing, not part of the event contract.
            assertThat(SampleEvents.JSON.readTree(records.get(0).value()).has("type")).isFalse();
        }
    }

    @Test
    void twoSourcesWithTheSameTicketAndIdempotencyKeyGetTwoKeysAndTwoSources() throws Exception {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        ticket.remove("eventId");
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            for (String key : List.of(SampleEvents.KEY_A, SampleEvents.KEY_B)) {
                given().contentType(ContentType.JSON).header("X-Api-Key", key).header("Idempotency-Key", "same-key")
                        .body(ticket.toString())
                        .when().post("/api/v1/tickets")
                        .then().statusCode(202).body("eventIds", contains("same-key"));
            }
            List<ConsumerRecord<String, String>> records = forTicket(tail.awaitCount(2, Duration.ofSeconds(30)),
                    ticketId);
            assertThat(records).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("desk-a/" + ticketId, "desk-b/" + ticketId);
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_source"))
                    .containsExactlyInAnyOrder("desk-a", "desk-b");
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_id")).containsOnly("same-key");
        }
    }

    @Test
    void anOperatorKeyReadsButCannotPostEvents() {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.OPERATOR_KEY)
                    .body(SampleEvents.ticket(ticketId).toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("/operator-key"))
                    .body("detail", org.hamcrest.Matchers.containsString("key of the help desk"));
            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
    }

    private static ConsumerRecord<String, String> only(TopicTail tail, String ticketId) {
        List<ConsumerRecord<String, String>> records = forTicket(tail.awaitCount(1, Duration.ofSeconds(30)), ticketId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    static List<ConsumerRecord<String, String>> forTicket(List<ConsumerRecord<String, String>> records,
            String ticketId) {
        return records.stream().filter(r -> ticketId.equals(TopicTail.header(r, "ce_subject"))).toList();
    }
}
