package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** Without a known X-Api-Key nothing gets in; health stays open. */
@QuarkusTest
class AuthenticationTest {

    @Test
    void missingKeyIs401AndPublishesNothing() {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).body(SampleEvents.ticket(ticketId).toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("X-Api-Key header is missing"));
            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
    }

    @Test
    void unknownKeyIs401AndPublishesNothing() {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", "test-key-a-but-not-quite")
                    .body(SampleEvents.interaction(ticketId).toString())
                    .when().post("/api/v1/tickets/{id}/interactions", ticketId)
                    .then().statusCode(401).body("detail", containsString("not a known key"));
            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
    }

    @Test
    void healthNeedsNoKeyAndSeesKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'kafka' }.status",
                        org.hamcrest.Matchers.is("UP"));
    }
}
