package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An operator sees what intake does: metrics by outcome, the OpenAPI document, liveness. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void metricsCountAcceptedAndRejectedAndTimePublishing() {
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A)
                .body(SampleEvents.ticket(SampleEvents.newTicketId()).toString())
                .when().post("/api/v1/tickets").then().statusCode(202);
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body("{}")
                .when().post("/api/v1/tickets").then().statusCode(400);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_intake_accepted_total{source=\"desk-a\",type=\"helpdesk.ticket.v1\"}"))
                .body(containsString("promesa_intake_rejected_total{reason=\"invalid\"}"))
                .body(containsString("promesa_intake_publish_seconds_count"));
    }

    @Test
    void openApiDescribesTheThreeEndpointsAndTheKey() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/tickets/{ticketId}/interactions"))
                .body(containsString("/api/v1/events"))
                .body(containsString("X-Api-Key"));
    }

    @Test
    void livenessNeedsNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
