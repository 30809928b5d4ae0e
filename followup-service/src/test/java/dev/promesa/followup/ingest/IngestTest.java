package dev.promesa.followup.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** Consumption of helpdesk.events.v1: idempotent by event id, placeholders, dead letters. */
@QuarkusTest
class IngestTest {

    @Test
    void theSameEventDeliveredTwiceIsProcessedOnce() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le escribo mañana.",
                HelpdeskEvents.update(now.plus(Duration.ofDays(1))));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(promise);
        HelpdeskEvents.send(promise); // a redelivery, e.g. after a rebalance
        // a later event on the same partition: once it is applied, both copies before it have been consumed
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, now.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline",
                ticketId).then().statusCode(200).body("size()", equalTo(2)));
        given().get("/api/v1/tickets/{id}/timeline", ticketId).then()
                .body("[0].eventId", equalTo(promise.eventId()))
                .body("[0].commitmentId", equalTo(promise.eventId()))
                .body("[1].kind", equalTo("USER_MESSAGE"));
        given().get("/api/v1/tickets/{id}", ticketId).then()
                .body("commitments.size()", equalTo(1))
                .body("commitments[0].revision", equalTo(1));
    }

    @Test
    void anInteractionBeforeItsTicketCreatesAPlaceholderThatTheSnapshotCompletes() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, now));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body("placeholder", equalTo(true))
                .body("clocks.size()", equalTo(0)));

        TicketSnapshot snapshot = HelpdeskEvents.ticket(ticketId, now.plusSeconds(1), Priority.P2, TicketStatus.OPEN,
                "fast");
        HelpdeskEvents.send(snapshot);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("placeholder", equalTo(false))
                .body("subject", equalTo(snapshot.subject()))
                // created when it was first seen, by its interaction
                .body("createdAt", equalTo(now.toString()))
                .body("clocks.find { it.metric == 'RESOLUTION' }.startedAt", equalTo(now.toString())));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String ticketId = HelpdeskEvents.newTicketId();
        String poisonId = HelpdeskEvents.newEventId();
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS_DLQ)) {
            HelpdeskEvents.send(ticketId, CloudEvents.TYPE_TICKET, poisonId, "{ this is not json");
            String unknownTypeId = HelpdeskEvents.newEventId();
            HelpdeskEvents.send(ticketId, "helpdesk.something.v9", unknownTypeId, "{}");
            String missingFieldsId = HelpdeskEvents.newEventId();
            HelpdeskEvents.send(ticketId, CloudEvents.TYPE_INTERACTION, missingFieldsId,
                    "{\"ticketId\":\"" + ticketId + "\"}");
            TicketSnapshot next = HelpdeskEvents.ticket(ticketId, Instant.now(), Priority.P4, TicketStatus.NEW,
                    "fast");
            HelpdeskEvents.send(next);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                    .then().statusCode(200).body("priority", equalTo("P4")));

            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(15))
                    .until(() -> dlq.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key())).toList(),
                            r -> r.size() >= 3);
            assertThat(dead).extracting(r -> TopicTail.header(r, CloudEvents.HEADER_ID))
                    .containsExactly(poisonId, unknownTypeId, missingFieldsId);
            assertThat(dead.get(0).value()).isEqualTo("{ this is not json");
            assertThat(TopicTail.header(dead.get(0), "dead-letter-reason")).contains("not a readable");
            assertThat(TopicTail.header(dead.get(1), "dead-letter-reason")).contains("unknown ce_type");
            assertThat(TopicTail.header(dead.get(2), "dead-letter-reason"))
                    .contains("occurredAt", "kind", "author", "visibility");
            assertThat(TopicTail.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.HELPDESK_EVENTS);
        }
    }
}
