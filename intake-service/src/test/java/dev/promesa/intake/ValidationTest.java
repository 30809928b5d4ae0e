package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** Every kind of bad input gets its exact status, names the field and why, and publishes nothing. */
@QuarkusTest
class ValidationTest {

    enum Endpoint {
        TICKET, INTERACTION, BATCH
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("missing ticketId", Endpoint.TICKET, t -> t.remove("ticketId"), "ticketId", "is required"),
                bad("blank subject", Endpoint.TICKET, t -> t.put("subject", "  "), "subject", "must not be blank"),
                bad("unknown priority", Endpoint.TICKET, t -> t.put("priority", "P9"), "priority",
                        "'P9' is not one of P1, P2, P3, P4"),
                bad("unknown status", Endpoint.TICKET, t -> t.put("status", "PENDING"), "status",
                        "is not one of NEW, OPEN, WAITING_ON_USER"),
                bad("unknown channel", Endpoint.TICKET, t -> t.put("channel", "FAX"), "channel",
                        "is not one of EMAIL, PHONE, CHAT, WEB, IN_PERSON"),
                bad("timestamp without offset", Endpoint.TICKET, t -> t.put("occurredAt", "2026-11-26 09:00"),
                        "occurredAt", "is not an ISO-8601 timestamp"),
                bad("bad requester e-mail", Endpoint.TICKET,
                        t -> ((ObjectNode) t.get("requester")).put("email", "lucia(at)example"), "requester.email",
                        "is not an e-mail address"),
                bad("missing requester", Endpoint.TICKET, t -> t.remove("requester"), "requester", "is required"),
                bad("unknown time zone", Endpoint.TICKET,
                        t -> ((ObjectNode) t.get("requester")).put("timeZone", "Mars/Olympus"), "requester.timeZone",
                        "is not an IANA time zone"),
                bad("subject too long", Endpoint.TICKET, t -> t.put("subject", "x".repeat(501)), "subject",
                        "at most 500"),
                bad("priority of the wrong type", Endpoint.TICKET, t -> t.put("priority", 2), "priority",
                        "must be a string"),
                bad("unknown interaction kind", Endpoint.INTERACTION, i -> i.put("kind", "TWEET"), "kind",
                        "is not one of AGENT_REPLY, USER_MESSAGE, CALL_SUMMARY, INTERNAL_NOTE"),
                bad("unknown author role", Endpoint.INTERACTION,
                        i -> ((ObjectNode) i.get("author")).put("role", "BOT"), "author.role",
                        "is not one of AGENT, USER"),
                bad("promise due before it was made", Endpoint.INTERACTION,
                        i -> ((ObjectNode) i.get("commitment")).put("dueAt", "2026-11-26T09:00:00Z"),
                        "commitment.dueAt", "must be after occurredAt"),
                bad("promise without kind", Endpoint.INTERACTION,
                        i -> ((ObjectNode) i.get("commitment")).remove("kind"),
                        "commitment.kind", "is required"),
                bad("body too long", Endpoint.INTERACTION, i -> i.put("body", "x".repeat(50_001)), "body",
                        "at most 50000"),
                bad("unknown visibility", Endpoint.INTERACTION, i -> i.put("visibility", "SECRET"), "visibility",
                        "is not one of PUBLIC, INTERNAL"),
                bad("fulfils not a list", Endpoint.INTERACTION, i -> i.put("fulfils", "c-1"), "fulfils",
                        "must be an array"),
                bad("ticket id differs from the URL", Endpoint.INTERACTION, i -> i.put("ticketId", "OTHER"),
                        "ticketId", "differs from the ticket in the URL"),
                bad("control character in an id", Endpoint.TICKET, t -> t.put("team", "ops\r\nX-Evil: 1"), "team",
                        "must not contain control characters"),
                bad("unknown batch type", Endpoint.BATCH, t -> t.put("type", "survey"), "events[0].type",
                        "'survey' is not one of ticket, interaction"),
                bad("batch item error named by index", Endpoint.BATCH, t -> t.put("priority", "URGENT"),
                        "events[0].priority", "'URGENT' is not one of"));
    }

    private static Arguments bad(String name, Endpoint endpoint, Consumer<ObjectNode> breakIt, String field,
            String message) {
        return Arguments.of(name, endpoint, breakIt, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithTheFieldNamed(String name, Endpoint endpoint, Consumer<ObjectNode> breakIt,
            String field, String message) {
        String ticketId = SampleEvents.newTicketId();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            String path;
            ObjectNode body;
            switch (endpoint) {
                case TICKET -> {
                    body = SampleEvents.ticket(ticketId);
                    breakIt.accept(body);
                    path = "/api/v1/tickets";
                }
                case INTERACTION -> {
                    body = SampleEvents.interaction(ticketId);
                    breakIt.accept(body);
                    path = "/api/v1/tickets/" + ticketId + "/interactions";
                }
                default -> {
                    ObjectNode item = SampleEvents.ticket(ticketId).put("type", "ticket");
                    breakIt.accept(item);
                    body = SampleEvents.JSON.createObjectNode();
                    body.putArray("events").add(item);
                    path = "/api/v1/events";
                }
            }
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(body.toString())
                    .when().post(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.is(400))
                    .body("errors.field", hasItem(field))
                    .body("errors.find { it.field == '" + field + "' }.message", containsString(message));

            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
    }

    @org.junit.jupiter.api.Test
    void malformedJsonIs400WithWhere() {
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body("{\"ticketId\": \"T-1\",")
                .when().post("/api/v1/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.is("Malformed JSON"))
                .body("detail", startsWith("The body is not valid JSON at line 1"));
    }

    @org.junit.jupiter.api.Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.XML).header("X-Api-Key", SampleEvents.KEY_A).body("<ticket/>")
                .when().post("/api/v1/tickets")
                .then().statusCode(415);
    }

    @org.junit.jupiter.api.Test
    void bodyOverOneMebibyteIs413() {
        String huge = "{\"subject\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(huge)
                .when().post("/api/v1/tickets")
                .then().statusCode(413);
    }

    @org.junit.jupiter.api.Test
    void everyBadFieldIsListedAtOnce() {
        ObjectNode ticket = SampleEvents.ticket(SampleEvents.newTicketId());
        ticket.put("priority", "P0").put("status", "DONE").remove("subject");
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(ticket.toString())
                .when().post("/api/v1/tickets")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("subject", "priority", "status"));
    }

    @org.junit.jupiter.api.Test
    void batchWithOneBadItemListsItByIndexAndPublishesNothing() {
        String ticketId = SampleEvents.newTicketId();
        ObjectNode batch = SampleEvents.JSON.createObjectNode();
        var events = batch.putArray("events");
        events.add(SampleEvents.ticket(ticketId).put("type", "ticket"));
        events.add(SampleEvents.interaction(ticketId).put("type", "interaction").put("ticketId", ticketId));
        events.add(SampleEvents.interaction(ticketId).put("type", "interaction").put("ticketId", ticketId)
                .put("visibility", "LOUD"));
        events.add(SampleEvents.ticket(ticketId).put("type", "ticket").put("status", "GONE"));
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(batch.toString())
                    .when().post("/api/v1/events")
                    .then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("events[2].visibility",
                            "events[3].status"));

            NothingPublished.assertNothingBeforeMarker(tail, ticketId);
        }
    }

    @org.junit.jupiter.api.Test
    void batchOverTheLimitIsRefused() {
        ObjectNode batch = SampleEvents.JSON.createObjectNode();
        var events = batch.putArray("events");
        for (int i = 0; i < 1001; i++) {
            events.add(SampleEvents.ticket("T-big").put("type", "ticket"));
        }
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(batch.toString())
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].message", containsString("a batch takes 1 to 1000"));
    }
}
