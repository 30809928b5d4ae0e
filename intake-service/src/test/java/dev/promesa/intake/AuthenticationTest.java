package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.promesa.contracts.Topics;
import dev.promesa.security.ApiKeyHash;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Without a known X-Api-Key nothing gets in; the key decides the source; each key has a rate limit; every answer
 * carries the security headers; health stays open. Keys in application.properties are stored as hashes.
 */
@QuarkusTest
class AuthenticationTest {
    /** Bound to source desk-limited, which has a burst of 3 and one more request per 100 s in the test profile. */
    private static final String LIMITED_KEY = "limited-test-key";

    @Test
    void missingKeyIs401AndPublishesNothing() {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).body(SampleEvents.ticket(ticketId).toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("X-Api-Key"))
                    .body("status", is(401))
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
    void theStoredHashIsNotAKey() {
        given().contentType(ContentType.JSON).header("X-Api-Key", ApiKeyHash.of(SampleEvents.KEY_A))
                .body(SampleEvents.ticket(SampleEvents.newTicketId()).toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(401);
    }

    @Test
    void unknownPathsNeedAKeyToo() {
        given().when().get("/api/v2/anything").then().statusCode(401);
        given().when().get("/not-an-endpoint").then().statusCode(401);
    }

    @Test
    void noSpellingOfAPathSkipsTheKey() throws Exception {
        // java.net.http sends the path as written, so the server sees the dot segments and double slashes.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : List.of("/q/../api/v1/tickets", "//api/v1/tickets", "/q/%2e%2e/api/v1/tickets")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            SampleEvents.ticket(SampleEvents.newTicketId()).toString()))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).as("POST %s without a key", path).isNotEqualTo(202).isBetween(400, 499);
        }
    }

    @Test
    void noBodyFieldCanChooseTheSourceTheKeyDoes() {
        // Intake's events have no source field and unknown fields are ignored: the key alone decides ce_source.
        String ticketId = SampleEvents.newTicketId();
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        ticket.put("source", "desk-a");
        ticket.put("ce_source", "desk-a");
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_B).body(ticket.toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(202);
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> PublishingTest.forTicket(tail.received(), ticketId), r -> !r.isEmpty());
            assertThat(records).extracting(r -> TopicTail.header(r, "ce_source")).containsExactly("desk-b");
        }
    }

    @Test
    void aHeaderClaimingAnotherSourceIs403AndPublishesNothing() {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_B)
                    .header("ce-source", "desk-a")
                    .body(SampleEvents.ticket(ticketId).toString())
                    .when().post("/api/v1/tickets")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", containsString("source-mismatch"))
                    .body("detail", containsString("belongs to 'desk-b'"));
            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_B).header("ce-source", "desk-b")
                .body(SampleEvents.ticket(SampleEvents.newTicketId()).toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(202);
    }

    @Test
    void pastItsLimitAKeyGets429WithRetryAfterAndOtherKeysGoOn() {
        String body = SampleEvents.ticket(SampleEvents.newTicketId()).toString();
        for (int i = 1; i <= 3; i++) {
            given().contentType(ContentType.JSON).header("X-Api-Key", LIMITED_KEY).body(body)
                    .when().post("/api/v1/tickets")
                    .then().statusCode(202);
        }
        Response refused = given().contentType(ContentType.JSON).header("X-Api-Key", LIMITED_KEY).body(body)
                .when().post("/api/v1/tickets");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", is(429))
                .body("detail", containsString("rate limit"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 100L);
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");

        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(body)
                .when().post("/api/v1/tickets")
                .then().statusCode(202);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_intake_rejected_total{reason=\"rate-limited\"}"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A)
                .body(SampleEvents.ticket(SampleEvents.newTicketId()).toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(202)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
        given().when().post("/api/v1/tickets")
                .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void healthNeedsNoKeyAndSeesKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'kafka' }.status", is("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("X-Api-Key"));
    }
}
