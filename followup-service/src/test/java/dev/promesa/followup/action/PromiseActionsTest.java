package dev.promesa.followup.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.duecheck.DueItem;

/**
 * Confirming, rescheduling, cancelling and keeping promises through the API, against the real database: each action
 * on the timeline with who did it, alerts withdrawn or scheduled again, repeats and retries changing nothing, and the
 * refusals (another source's promise 404, a transition the state does not allow 409, a time in the past 400).
 */
@QuarkusTest
class PromiseActionsTest {

    static final String GLOBEX_KEY = "followup-globex-key";

    @Test
    void aSuggestionConfirmedWithATimeIsTrackedFromThenOn() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Interaction reply = HelpdeskEvents.agentReply(ticketId, now, "Le escribo en breve con novedades.", null);
        open(ticketId, now, reply);
        String id = reply.eventId() + "~1";
        await().atMost(Duration.ofSeconds(30)).until(() -> state(ticketId, id) != null);
        assertThat(state(ticketId, id)).isEqualTo("SUGGESTED");

        act(ticketId, id, "confirm", Map.of("actorId", "a-jorge")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("dueAt"));
        Instant due = now.plus(Duration.ofHours(3));
        act(ticketId, id, "confirm", Map.of("actorId", "a-jorge", "dueAt", due.toString())).then().statusCode(200)
                .body("state", equalTo("OPEN")).body("dueAt", equalTo(due.toString()));
        assertThat(pending(ticketId)).hasSize(5).allMatch(a -> a.contains(":commitment:" + id + ":r1:"));
        // confirmed again: nothing changes, nothing more on the timeline
        act(ticketId, id, "confirm", Map.of("actorId", "a-jorge")).then().statusCode(200)
                .body("state", equalTo("OPEN"));

        List<Map<String, Object>> actions = actions(ticketId);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0)).containsEntry("type", "PROMISE_CONFIRMED").containsEntry("authorId", "a-jorge")
                .containsEntry("commitmentId", id).containsEntry("dueAt", due.toString());
    }

    @Test
    void aRescheduleWithdrawsTheOldAlertsAndSchedulesNewOnesOnce() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "C-" + ticketId;
        open(ticketId, now, HelpdeskEvents.agentReply(ticketId, now, "Estoy en ello.",
                new CommitmentRequest(id, CommitmentKind.UPDATE, now.plus(Duration.ofHours(1)), "Diagnóstico",
                        PromisedTo.USER)));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(ticketId).size() == 5);

        act(ticketId, id, "reschedule", Map.of("actorId", "a-jorge")).then().statusCode(400)
                .body("detail", containsString("dueAt is required"));
        act(ticketId, id, "reschedule", Map.of("actorId", "a-jorge", "dueAt", now.minusSeconds(60).toString()))
                .then().statusCode(400).body("type", equalTo("https://promesa.dev/problems/invalid-action"))
                .body("detail", containsString("not in the future"));

        Instant later = now.plus(Duration.ofHours(5));
        Map<String, String> body = Map.of("actorId", "l-marta", "dueAt", later.toString(),
                "reason", "Esperamos la pieza del proveedor");
        Response first = act(ticketId, id, "reschedule", body, "retry-" + ticketId);
        first.then().statusCode(200).body("revision", equalTo(2)).body("dueAt", equalTo(later.toString()))
                .header("Idempotent-Replayed", nullValue());
        assertThat(pending(ticketId)).hasSize(5).allMatch(a -> a.contains(":r2:"));

        // the client retries with the same key: the first answer again, nothing applied twice
        act(ticketId, id, "reschedule", body, "retry-" + ticketId).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("revision", equalTo(2));
        // the same key for another request is refused
        act(ticketId, id, "reschedule", Map.of("actorId", "l-marta", "dueAt", later.plusSeconds(60).toString()),
                "retry-" + ticketId).then().statusCode(422).body("detail", containsString("Idempotency-Key"));
        assertThat(pending(ticketId)).hasSize(5).allMatch(a -> a.contains(":r2:"));

        List<Map<String, Object>> actions = actions(ticketId);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0)).containsEntry("type", "PROMISE_RESCHEDULED").containsEntry("authorId", "l-marta")
                .containsEntry("reason", "Esperamos la pieza del proveedor")
                .containsEntry("dueAt", later.toString());
    }

    @Test
    void cancelAndKeepCloseAPromiseAndAClosedOneRefusesWhatItsStateForbids() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String call = "call-" + ticketId;
        String mail = "mail-" + ticketId;
        // the action first: the second reply would keep a callback made before it
        open(ticketId, now, HelpdeskEvents.agentReply(ticketId, now, "Estoy en ello.",
                new CommitmentRequest(mail, CommitmentKind.ACTION, now.plus(Duration.ofHours(2)), "Cambiar el disco",
                        PromisedTo.USER)));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now.plusSeconds(1), "Estoy en ello.",
                new CommitmentRequest(call, CommitmentKind.CALLBACK, now.plus(Duration.ofHours(2)), "Llamarle",
                        PromisedTo.USER)));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(ticketId).size() == 10);

        act(ticketId, call, "cancel", Map.of("actorId", "a-jorge")).then().statusCode(400)
                .body("detail", containsString("reason is required"));
        act(ticketId, call, "cancel", Map.of("actorId", "a-jorge", "reason", "La usuaria prefiere correo"))
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
        act(ticketId, call, "cancel", Map.of("actorId", "a-jorge", "reason", "otra vez")).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        act(ticketId, call, "keep", Map.of("actorId", "a-jorge")).then().statusCode(409)
                .body("type", equalTo("https://promesa.dev/problems/promise-state"))
                .body("detail", containsString("is CANCELLED"));

        act(ticketId, mail, "keep", Map.of("actorId", "a-jorge")).then().statusCode(200)
                .body("state", equalTo("KEPT")).body("late", equalTo(false));
        act(ticketId, mail, "cancel", Map.of("actorId", "a-jorge", "reason", "error")).then().statusCode(409)
                .body("detail", containsString("is KEPT"));
        act(ticketId, mail, "reschedule", Map.of("actorId", "a-jorge",
                "dueAt", now.plus(Duration.ofHours(9)).toString())).then().statusCode(409);
        assertThat(pending(ticketId)).isEmpty();

        assertThat(actions(ticketId)).extracting(a -> a.get("type"), a -> a.get("commitmentId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROMISE_CANCELLED", call),
                        org.assertj.core.groups.Tuple.tuple("PROMISE_KEPT", mail));
        given().get("/api/v1/tickets/{id}/timeline", ticketId).then()
                .body("[0].type", equalTo("INTERACTION")).body("[2].type", equalTo("PROMISE_CANCELLED"))
                .body("[2].reason", equalTo("La usuaria prefiere correo"));
    }

    @Test
    void anotherSourcesPromiseOrAnUnknownOneIsNotFound() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "C-" + ticketId;
        open(ticketId, now, HelpdeskEvents.agentReply(ticketId, now, "Estoy en ello.",
                new CommitmentRequest(id, CommitmentKind.UPDATE, now.plus(Duration.ofHours(1)), "Diagnóstico",
                        PromisedTo.USER)));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(ticketId).size() == 5);

        given().header("X-Api-Key", GLOBEX_KEY).contentType(ContentType.JSON)
                .body(Map.of("actorId", "intruder", "reason", "x"))
                .post("/api/v1/tickets/{t}/commitments/{c}/cancel", ticketId, id).then().statusCode(404);
        act(ticketId, "no-such-promise", "keep", Map.of("actorId", "a-jorge")).then().statusCode(404)
                .body("detail", containsString("no-such-promise"));
        act(ticketId, id, "keep", Map.of()).then().statusCode(400).body("detail", containsString("actorId"));
        assertThat(pending(ticketId)).hasSize(5);
        assertThat(actions(ticketId)).isEmpty();
    }

    private static void open(String ticketId, Instant now, Interaction first) {
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P3, TicketStatus.OPEN,
                "fast"));
        HelpdeskEvents.send(first);
    }

    private static Response act(String ticketId, String commitmentId, String action, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets/{t}/commitments/{c}/" + action, ticketId, commitmentId);
    }

    private static Response act(String ticketId, String commitmentId, String action, Map<String, String> body,
            String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/api/v1/tickets/{t}/commitments/{c}/" + action, ticketId, commitmentId);
    }

    private static String state(String ticketId, String commitmentId) {
        List<Map<String, Object>> commitments = given().get("/api/v1/tickets/{id}", ticketId).then().extract()
                .jsonPath().getList("commitments");
        return commitments == null
                ? null
                : commitments.stream().filter(c -> commitmentId.equals(c.get("commitmentId")))
                        .map(c -> (String) c.get("state")).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> actions(String ticketId) {
        List<Map<String, Object>> timeline = given().get("/api/v1/tickets/{id}/timeline", ticketId).then()
                .statusCode(200).extract().jsonPath().getList("$");
        return timeline.stream().filter(e -> !"INTERACTION".equals(e.get("type"))).toList();
    }

    private static List<String> pending(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.<DueItem>list(
                "source = ?1 and ticketId = ?2 and commitmentId is not null", HelpdeskEvents.SOURCE, ticketId)
                .stream().map(d -> d.alertId).sorted().toList());
    }
}
