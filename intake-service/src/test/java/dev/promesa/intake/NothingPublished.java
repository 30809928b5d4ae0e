package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
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

    /**
     * The same proof for sources nobody can post for (unknown to intake): a marker record is put on the topic directly,
     * with the key intake would use ({@code <source>/<ticketId>}), so it lands on the same partition after anything
     * the refused request could have written; once every marker is read, each source's records for the ticket must
     * be exactly its marker.
     */
    static void assertNothingForSources(TopicTail tail, List<String> sources, String ticketId) {
        for (String source : sources) {
            KafkaBroker.shared().send(Topics.HELPDESK_EVENTS, new TicketRef(source, ticketId).recordKey(), "{}",
                    Map.of("ce_id", "marker-" + source, "ce_source", source, "ce_subject", ticketId));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> seen;
        do {
            seen = tail.received().stream().filter(r -> ticketId.equals(TopicTail.header(r, "ce_subject")))
                    .filter(r -> sources.contains(TopicTail.header(r, "ce_source"))).toList();
        } while (seen.size() < sources.size() && System.nanoTime() < deadline);
        assertThat(seen).extracting(r -> TopicTail.header(r, "ce_id"))
                .as("records for %s of %s: the refused requests must have published nothing", ticketId, sources)
                .containsExactlyInAnyOrderElementsOf(sources.stream().map(s -> "marker-" + s).toList());
    }

    /**
     * The same proof for requests without an API key (webhooks), whose marker must come the same way:
     * {@code postMarker} sends a valid delivery for the same ticket (and source) and returns its event ids. Once they
     * are read, anything the refused request had written for the ticket would have been read too, so the ticket's
     * records since the tail opened must be exactly the marker's. Records are matched by their CloudEvents headers
     * ({@code ce_subject}, and {@code ce_source} unless null), whatever the record key is made of.
     */
    static void assertNothingBeforeMarker(TopicTail tail, String source, String ticketId,
            Supplier<List<String>> postMarker) {
        List<String> markerIds = postMarker.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen;
        do {
            seen = tail.received().stream()
                    .filter(r -> ticketId.equals(TopicTail.header(r, "ce_subject")))
                    .filter(r -> source == null || source.equals(TopicTail.header(r, "ce_source")))
                    .map(r -> TopicTail.header(r, "ce_id")).toList();
        } while (!seen.containsAll(markerIds) && System.nanoTime() < deadline);
        assertThat(seen).as("records for %s since the refused request: only the marker's", ticketId)
                .containsExactlyElementsOf(markerIds);
    }
}
