package dev.promesa.followup.ticket;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.HelpdeskEvents;

/** The read API's shapes and errors. */
@QuarkusTest
class ReadApiTest {

    @Test
    void anUnknownTicketIsAProblemDocument() {
        given().get("/api/v1/tickets/{id}", "T-does-not-exist").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("T-does-not-exist"));
        given().get("/api/v1/tickets/{id}/timeline", "T-does-not-exist").then().statusCode(404);
    }

    @Test
    void aWrongFilterSaysWhichValuesAreAccepted() {
        given().get("/api/v1/commitments?state=LOST").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("OPEN"));
        given().get("/api/v1/reports/service-review?from=yesterday").then()
                .statusCode(400)
                .body("detail", containsString("ISO-8601"));
    }

    @Test
    void policiesShowTheDesignDefaults() {
        given().get("/api/v1/policies").then().statusCode(200)
                .body("find { it.name == 'default' }.targets.P1.hours", equalTo("24x7"))
                .body("find { it.name == 'default' }.targets.P1.firstResponse", equalTo("PT15M"))
                .body("find { it.name == 'default' }.targets.P3.nextUpdate", equalTo("PT9H"))
                .body("find { it.name == 'default' }.targets.P4.resolution", equalTo("PT90H"))
                .body("find { it.name == 'default' }.warningPercent", equalTo(75));
    }

    @Test
    void theServiceReviewCountsMetAndBreachedPerPriorityAgentAndTeam() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        // P2 on the 'fast' policy (24x7, 1 h targets): the first response after 2 h is breached,
        // resolution after 3 h too; the promise made and kept in time is met
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, start, Priority.P2, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, start.plus(Duration.ofHours(2)), "Miro el caso.",
                HelpdeskEvents.update(start.plus(Duration.ofHours(4)))));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, start.plus(Duration.ofMinutes(150)), "Hecho.",
                null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline",
                ticketId).then().body("size()", equalTo(2)));

        given().queryParam("from", start.toString()).queryParam("to", Instant.now().plusSeconds(1).toString())
                .get("/api/v1/reports/service-review").then().statusCode(200)
                .body("sla.byPriority.find { it.key == 'P2' }.breached", greaterThanOrEqualTo(2))
                .body("sla.byTeam.key", hasItem(HelpdeskEvents.TEAM))
                .body("commitments.byAgent.find { it.key == 'a-jorge' }.met", greaterThanOrEqualTo(1));
    }

    @Test
    void openApiAndHealthAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/commitments"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().get("/q/health/ready").then().statusCode(200));
        given().get("/q/metrics").then().statusCode(200).body(containsString("promesa_commitments_open"));
    }
}
