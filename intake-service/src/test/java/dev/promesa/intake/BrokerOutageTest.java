package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Kafka down: honest 503s with Retry-After (REST and webhooks), then 202s again; every event answered 202 is on the
 * topic.
 */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void brokerDownGives503ThenRecoversAndLosesNothingAccepted() {
        KafkaBroker broker = KafkaBroker.shared();
        Assumptions.assumeFalse(broker.external(), "needs the in-JVM broker, which tests may stop");
        String ticketId = SampleEvents.newTicketId();
        List<String> acceptedIds = new ArrayList<>();
        try (TopicTail tail = broker.tail(Topics.HELPDESK_EVENTS)) {
            acceptedIds.add(post(ticketId).then().statusCode(202).extract().path("eventIds[0]"));

            broker.stop();
            try {
                long start = System.nanoTime();
                Response refused = post(ticketId);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("3");
                assertThat(refused.contentType()).startsWith("application/problem+json");
                // The test profile's publish timeout is 3 s; allow scheduling slack, not another timeout.
                assertThat(took).isLessThan(Duration.ofSeconds(6));
                given().when().get("/q/health/ready").then().statusCode(503);

                // A desk's webhook gets the same honest answer, and retries by itself.
                Response webhook = Webhooks.postFixture("zammad", "agent-public-reply.json");
                assertThat(webhook.statusCode()).isEqualTo(503);
                assertThat(webhook.header("Retry-After")).isEqualTo("3");
                assertThat(webhook.contentType()).startsWith("application/problem+json");
                assertThat(webhook.asString()).contains("the desk retries");
            } finally {
                broker.start();
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Response response = post(ticketId);
                assertThat(response.statusCode()).isEqualTo(202);
                acceptedIds.add(response.path("eventIds[0]"));
            });
            for (int i = 0; i < 5; i++) {
                acceptedIds.add(post(ticketId).then().statusCode(202).extract().path("eventIds[0]"));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    PublishingTest.forTicket(tail.received(), ticketId).stream()
                            .map(r -> TopicTail.header(r, "ce_id")).toList())
                    .containsAll(acceptedIds));
            List<ConsumerRecord<String, String>> records = PublishingTest.forTicket(tail.received(), ticketId);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly("desk-a/" + ticketId);
        }
    }

    private static Response post(String ticketId) {
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        return given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(ticket.toString())
                .when().post("/api/v1/tickets");
    }
}
