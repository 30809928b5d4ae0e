package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

import dev.promesa.testsupport.TopicTail;

/**
 * Proves a refused request published nothing, without sleeping: a valid marker event for the same ticket goes to the
 * same partition after it, so once the marker is read, anything the refused request had written would be read too.
 */
final class NothingPublished {
    private NothingPublished() {
    }

    static void assertNothingBeforeMarker(TopicTail tail, String ticketId) {
        ObjectNode marker = SampleEvents.ticket(ticketId);
        String markerId = "marker-" + ticketId;
        marker.put("eventId", markerId);
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(marker.toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> forTicket;
        do {
            forTicket = PublishingTest.forTicket(tail.received(), ticketId);
        } while (forTicket.stream().noneMatch(r -> markerId.equals(TopicTail.header(r, "ce_id")))
                && System.nanoTime() < deadline);
        assertThat(forTicket).extracting(r -> TopicTail.header(r, "ce_id"))
                .as("records for %s: the refused request must have published nothing", ticketId)
                .containsExactly(markerId);
    }
}
