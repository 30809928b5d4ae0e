package dev.promesa.followup.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.RecipientRole;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * The emails notifier sent ({@code notifier.email-sent.v1} on {@code helpdesk.events.v1}) on the ticket's timeline:
 * one EMAIL_SENT entry per email, in order with the ticket's interactions, whatever the redeliveries; another desk's
 * email about its own ticket with the same id never shows on this desk's timeline.
 */
@QuarkusTest
class EmailsOnTheTimelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String GLOBEX = "globex";
    private static final String GLOBEX_KEY = "followup-globex-key";

    @Test
    void anEmailSentBecomesOneTimelineEntryWhateverTheRedeliveries() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
        EmailSent email = email(ticketId, now.plusSeconds(1), "lucia@example.com");
        HelpdeskEvents.send(HelpdeskEvents.SOURCE, email);
        HelpdeskEvents.send(HelpdeskEvents.SOURCE, email); // notifier published it again (crash before its delete)
        // the other desk's email about its own ticket with the same id, with the same event id
        HelpdeskEvents.send(GLOBEX, HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(GLOBEX, email(ticketId, now.plusSeconds(1), "hank@globex.example"));
        // a later event on the same partition: once it is on the timeline, every copy before it has been consumed
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, now.plusSeconds(2)));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline", ticketId)
                .then().statusCode(200).body("size()", equalTo(2)).body("[1].kind", equalTo("USER_MESSAGE")));
        Map<String, Object> entry = given().get("/api/v1/tickets/{id}/timeline", ticketId).then().extract()
                .jsonPath().getMap("[0]");
        assertThat(entry).containsEntry("type", "EMAIL_SENT").containsEntry("eventId", email.eventId())
                .containsEntry("occurredAt", email.sentAt().toString()).containsEntry("recipientRole", "USER")
                .containsEntry("recipient", "lucia@example.com")
                .containsEntry("alertKind", "COMMITMENT_OVERDUE_USER")
                .containsEntry("commitmentId", "C-1")
                .containsEntry("subject", "Su solicitud «La VPN no conecta»: le debemos una respuesta [#" + ticketId
                        + "]");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(GLOBEX_KEY, ticketId)
                .getList("recipient")).containsExactly("hank@globex.example"));
        assertThat(given().get("/api/v1/tickets/{id}/timeline", ticketId).then().extract().jsonPath()
                .getList("recipient")).as("the other desk's recipient never shows here")
                .doesNotContain("hank@globex.example");
    }

    @Test
    void anEmailAboutATicketFollowupNeverReceivedIsDeadLettered() {
        String ticketId = HelpdeskEvents.newTicketId();
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS_DLQ)) {
            EmailSent email = email(ticketId, Instant.now(), "lucia@example.com");
            HelpdeskEvents.send(HelpdeskEvents.SOURCE, email);
            await().atMost(PATIENCE).until(() -> dlq.received().stream()
                    .anyMatch(r -> email.eventId().equals(TopicTail.header(r, CloudEvents.HEADER_ID))));
        }
        given().get("/api/v1/tickets/{id}", ticketId).then().statusCode(404);
    }

    private static EmailSent email(String ticketId, Instant sentAt, String recipient) {
        // the same id for both desks' emails: event ids are unique within their source only
        String hash = Integer.toHexString(ticketId.hashCode());
        return new EmailSent("email-sent:" + hash, ticketId, sentAt,
                HelpdeskEvents.SOURCE + ":commitment:C-1:r1:COMMITMENT_OVERDUE_USER:0",
                AlertKind.COMMITMENT_OVERDUE_USER,
                "C-1", RecipientRole.USER, recipient,
                "Su solicitud «La VPN no conecta»: le debemos una respuesta [#" + ticketId + "]", "es",
                "<" + hash + "@notifier.promesa>");
    }

    private static JsonPath timeline(String key, String ticketId) {
        return given().header("X-Api-Key", key).get("/api/v1/tickets/{id}/timeline", ticketId).then()
                .statusCode(200).extract().jsonPath();
    }
}
