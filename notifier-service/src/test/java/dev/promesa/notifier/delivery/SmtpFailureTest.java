package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.DeadLetter;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.SmtpServer;
import dev.promesa.testsupport.TopicTail;

/**
 * The mail server goes away: retried with backoff and delivered once when it is back; given up once the retry budget is
 * spent (%test: 0.1 s doubling to 0.5 s, for 10 s) with the alert on the DLQ and the failure visible in the API.
 */
@QuarkusTest
class SmtpFailureTest {

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void smtpBackUp() {
        SmtpServer.shared().start();
    }

    @Test
    void smtpDownThenUpDeliversExactlyOnce() {
        SmtpServer.shared().stop();
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        publish(mapper, alert);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(alert.ticketId())).singleElement()
                .satisfies(n -> {
                    assertThat(n).containsEntry("state", "PENDING");
                    assertThat((Integer) n.get("attempts")).isGreaterThanOrEqualTo(1);
                    assertThat((String) n.get("lastError")).isNotBlank();
                }));
        given().when().get("/q/health/ready").then().statusCode(503);

        SmtpServer.shared().start();

        assertThat(awaitMails("marta@example.com", alert.ticketId(), 1)).hasSize(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(alert.ticketId())).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("state", "SENT")));
        // SENT is final: the row is never claimed again, so this one email is the only one.
        assertThat(mailsTo("marta@example.com", alert.ticketId())).hasSize(1);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void smtpDownForGoodMarksFailedAndDeadLettersTheAlert() {
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            SmtpServer.shared().stop();
            Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).build();
            String json = publish(mapper, alert);

            ConsumerRecord<String, String> letter = awaitDeadLetter(dlq, alert.ticketId());
            assertThat(letter.value()).isEqualTo(json);
            assertThat(TopicTail.header(letter, CloudEvents.HEADER_ID)).isEqualTo(alert.alertId());
            assertThat(TopicTail.header(letter, DeadLetters.HEADER_RECIPIENT)).isEqualTo("lucia@example.com");
            int attempts = Integer.parseInt(TopicTail.header(letter, DeadLetters.HEADER_ATTEMPTS));
            assertThat(attempts).as("attempts within the 10 s budget").isGreaterThan(8);
            assertThat(TopicTail.header(letter, DeadLetter.REASON))
                    .matches("gave up after " + attempts + " attempts in \\d+(\\.\\d)? s: .+");

            // dead_lettered_at is committed just after the broker's acknowledgement, so a moment after the letter
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, Object> row = given().queryParam("ticketId", alert.ticketId())
                        .queryParam("state", "FAILED").when().get("/api/v1/notifications").then().statusCode(200)
                        .extract().jsonPath().getMap("items[0]");
                assertThat(row).containsEntry("recipient", "lucia@example.com").containsEntry("attempts", attempts);
                assertThat((String) row.get("lastError")).startsWith("gave up after " + attempts + " attempts in ");
                assertThat(row.get("deadLetteredAt")).isNotNull();
                Instant created = Instant.parse((String) row.get("createdAt"));
                assertThat(Instant.parse((String) row.get("failingSince"))).as("the first failed attempt, right "
                        + "after the row was written").isBetween(created, created.plus(Duration.ofSeconds(5)));
            });
        }
    }

    @Test
    void nobodyToMailIsRecordedFailedAndDeadLetteredNotDropped() {
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            Alert orphan = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(null).team("no-such-team").build();
            publish(mapper, orphan);

            ConsumerRecord<String, String> letter = awaitDeadLetter(dlq, orphan.ticketId());
            assertThat(TopicTail.header(letter, DeadLetters.HEADER_RECIPIENT)).isEqualTo("unresolved:lead");
            assertThat(TopicTail.header(letter, DeadLetter.REASON))
                    .contains("promesa.teams.no-such-team.lead", "promesa.fallback-recipient");
            assertThat(notifications(orphan.ticketId())).singleElement().satisfies(n -> assertThat(n)
                    .containsEntry("state", "FAILED").containsEntry("recipient", "unresolved:lead"));
        }
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(TopicTail dlq, String ticketId) {
        await().atMost(PATIENCE).until(() -> forTicket(dlq.received(), ticketId).size() == 1);
        return forTicket(dlq.received(), ticketId).get(0);
    }

    private static List<ConsumerRecord<String, String>> forTicket(List<ConsumerRecord<String, String>> records,
            String ticketId) {
        return records.stream().filter(r -> new TicketRef(TestAlerts.SOURCE, ticketId).recordKey().equals(r.key()))
                .toList();
    }
}
