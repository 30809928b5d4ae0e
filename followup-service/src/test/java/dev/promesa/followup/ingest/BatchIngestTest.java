package dev.promesa.followup.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * A poll's events are applied in one transaction. Records are sent together (one producer batch, so usually one poll);
 * what is asserted holds however the consumer happens to split them into polls.
 */
@QuarkusTest
class BatchIngestTest {

    @Test
    void anEventTheRulesRejectIsDeadLetteredAloneAndTheRestOfItsPollIsAppliedOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String owner = HelpdeskEvents.newTicketId();
        String commitmentId = "C-" + HelpdeskEvents.newEventId();
        HelpdeskEvents.send(HelpdeskEvents.ticket(owner, now, Priority.P3, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(owner, now, "Le llamo mañana.", promise(commitmentId, now)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", owner)
                .then().statusCode(200).body("commitments.size()", equalTo(1)));

        String ticketId = HelpdeskEvents.newTicketId();
        TicketSnapshot snapshot = HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast");
        Interaction before = HelpdeskEvents.userMessage(ticketId, now.plusSeconds(1));
        // reuses the other ticket's commitment id: readable, but the rules reject it when applying it
        Interaction stolen = HelpdeskEvents.agentReply(ticketId, now.plusSeconds(2), "Le escribo luego.",
                promise(commitmentId, now.plusSeconds(2)));
        Interaction after = HelpdeskEvents.userMessage(ticketId, now.plusSeconds(3));
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS_DLQ)) {
            sendTogether(List.of(record(snapshot), record(before), record(stolen), record(after)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get("/api/v1/tickets/{id}/timeline", ticketId).then().statusCode(200)
                    .body("size()", equalTo(2))
                    .body("[0].eventId", equalTo(before.eventId()))
                    .body("[1].eventId", equalTo(after.eventId())));
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key())).toList(),
                            r -> !r.isEmpty());
            assertThat(dead).extracting(r -> TopicTail.header(r, CloudEvents.HEADER_ID))
                    .containsExactly(stolen.eventId());
            ConsumerRecord<String, String> letter = dead.get(0);
            assertThat(letter.value()).isEqualTo(HelpdeskEvents.json(stolen));
            assertThat(TopicTail.header(letter, "dead-letter-reason")).contains(commitmentId, owner);
            assertThat(TopicTail.header(letter, "dead-letter-topic")).isEqualTo(Topics.HELPDESK_EVENTS);
            assertThat(TopicTail.header(letter, "dead-letter-partition")).isNotBlank();
            assertThat(TopicTail.header(letter, "dead-letter-offset")).isNotBlank();
        }
        given().get("/api/v1/tickets/{id}", owner).then()
                .body("commitments.size()", equalTo(1))
                .body("commitments[0].revision", equalTo(1));
        given().get("/api/v1/tickets/{id}", ticketId).then()
                .body("placeholder", equalTo(false))
                .body("commitments.size()", equalTo(0));
    }

    @Test
    void aPollDeliveredAgainAndAnIdTwiceInOnePollChangeNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String ticketId = HelpdeskEvents.newTicketId();
        TicketSnapshot snapshot = HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast");
        Interaction question = HelpdeskEvents.userMessage(ticketId, now.plusSeconds(1));
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now.plusSeconds(2), "Le escribo mañana.",
                HelpdeskEvents.update(now.plus(Duration.ofDays(1))));
        List<ProducerRecord<String, String>> poll = List.of(record(snapshot), record(question), record(promise),
                record(promise));
        sendTogether(poll);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/tickets/{id}/timeline", ticketId).then().statusCode(200).body("size()", equalTo(2)));

        // the same records again (a rebalance before the commit), then one new event on the same partition: once it is
        // applied, every record before it has been consumed
        Interaction marker = HelpdeskEvents.userMessage(ticketId, now.plusSeconds(3));
        sendTogether(List.of(poll.get(0), poll.get(1), poll.get(2), record(marker)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/tickets/{id}/timeline", ticketId).then().statusCode(200).body("size()", equalTo(3)));
        given().get("/api/v1/tickets/{id}/timeline", ticketId).then()
                .body("[0].eventId", equalTo(question.eventId()))
                .body("[1].eventId", equalTo(promise.eventId()))
                .body("[2].eventId", equalTo(marker.eventId()));
        given().get("/api/v1/tickets/{id}", ticketId).then()
                .body("commitments.size()", equalTo(1))
                .body("commitments[0].revision", equalTo(1))
                .body("commitments[0].state", equalTo("OPEN"))
                .body("clocks.findAll { it.metric == 'NEXT_UPDATE' }.size()", equalTo(2));
    }

    private static CommitmentRequest promise(String commitmentId, Instant at) {
        return new CommitmentRequest(commitmentId, CommitmentKind.CALLBACK, at.plus(Duration.ofDays(1)),
                "Llamar para revisar la VPN", PromisedTo.USER);
    }

    private static ProducerRecord<String, String> record(TicketSnapshot snapshot) {
        return record(snapshot.ticketId(), CloudEvents.TYPE_TICKET, snapshot.eventId(), HelpdeskEvents.json(snapshot));
    }

    private static ProducerRecord<String, String> record(Interaction interaction) {
        return record(interaction.ticketId(), CloudEvents.TYPE_INTERACTION, interaction.eventId(),
                HelpdeskEvents.json(interaction));
    }

    private static ProducerRecord<String, String> record(String ticketId, String type, String eventId, String value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(eventId, type, HelpdeskEvents.SOURCE, Instant.now(), ticketId)
                .forEach((name, v) -> headers.add(name, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(Topics.HELPDESK_EVENTS, null, HelpdeskEvents.key(ticketId), value, headers);
    }

    /** One producer, a linger long enough to put the records in one batch, acknowledged before returning. */
    private static void sendTogether(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}
