package dev.promesa.notifier.api;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.SmtpServer;

/**
 * {@code POST /api/v1/notifications/{id}/resend}: an operator sends a FAILED email again once the mail server is back;
 * only FAILED, only with an operator key, another source's notification does not exist for the caller.
 */
@QuarkusTest
class ResendTest {
    static final String OPERATOR_KEY = "notifier-operator-key";
    static final String GLOBEX_KEY = "notifier-globex-key";
    static final String OWN_KEY = "notifier-test-key";

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void smtpBackUp() {
        SmtpServer.shared().start();
    }

    @Test
    void anOperatorSendsAFailedEmailAgainOnceTheServerIsBackAndOnlyOnce() {
        SmtpServer.shared().stop();
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        publish(mapper, alert);
        Map<String, Object> failed = awaitState(alert, "FAILED");
        String id = (String) failed.get("id");
        int attemptsBefore = (Integer) failed.get("attempts");
        await().atMost(PATIENCE).until(() -> one(alert).get("deadLetteredAt") != null);
        SmtpServer.shared().start();

        // The desk's own key reads it but may not resend; another desk's key does not see it; an unknown id is 404.
        given().header("X-Api-Key", OWN_KEY).post(resend(id)).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://promesa.dev/problems/operator-key-required"))
                .body("detail", containsString("source '*'"));
        given().header("X-Api-Key", GLOBEX_KEY).post(resend(id)).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Api-Key", OPERATOR_KEY).post(resend(UUID.randomUUID().toString())).then().statusCode(404);
        assertThat(one(alert)).containsEntry("state", "FAILED").containsEntry("resends", 0);

        given().header("X-Api-Key", OPERATOR_KEY).post(resend(id)).then().statusCode(202)
                .body("id", equalTo(id))
                .body("state", equalTo("PENDING")).body("attempts", equalTo(0))
                .body("resends", equalTo(1)).body("resentVia", equalTo("api")).body("resentAt", notNullValue())
                .body("failingSince", nullValue()).body("deadLetteredAt", nullValue());

        assertThat(awaitMails("marta@example.com", alert.ticketId(), 1)).hasSize(1);
        Map<String, Object> sent = awaitState(alert, "SENT");
        assertThat(sent).containsEntry("attempts", 1).containsEntry("resends", 1).containsEntry("resentVia", "api")
                .containsEntry("lastError", null);
        assertThat(attemptsBefore).isGreaterThan(8);

        // Sent now: a second resend is refused, and nothing more is sent.
        given().header("X-Api-Key", OPERATOR_KEY).post(resend(id)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://promesa.dev/problems/not-failed"))
                .body("detail", containsString("is SENT")).body("instance", equalTo(resend(id)));
        assertThat(mailsTo("marta@example.com", alert.ticketId())).hasSize(1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_notifications_resent_total{via=\"api\"}"));
    }

    @Test
    void aPendingEmailOrOneNobodyCanReceiveIsNotResent() {
        Alert orphan = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(null).team("no-such-team").build();
        publish(mapper, orphan);
        String orphanId = (String) awaitState(orphan, "FAILED").get("id");
        given().header("X-Api-Key", OPERATOR_KEY).post(resend(orphanId)).then().statusCode(409)
                .body("type", equalTo("https://promesa.dev/problems/nothing-to-send"))
                .body("detail", containsString("promesa.teams.no-such-team.lead"));

        SmtpServer.shared().stop();
        Alert waiting = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        publish(mapper, waiting);
        await().atMost(PATIENCE).until(() -> notifications(waiting.ticketId()).size() == 1
                && (Integer) one(waiting).get("attempts") >= 1);
        String waitingId = (String) one(waiting).get("id");
        given().header("X-Api-Key", OPERATOR_KEY).post(resend(waitingId)).then().statusCode(409)
                .body("type", equalTo("https://promesa.dev/problems/not-failed"))
                .body("detail", containsString("is PENDING"));
        assertThat(one(waiting)).containsEntry("resends", 0);
        SmtpServer.shared().start();
        assertThat(awaitMails("marta@example.com", waiting.ticketId(), 1)).hasSize(1);
    }

    private static String resend(String id) {
        return "/api/v1/notifications/" + id + "/resend";
    }

    private static Map<String, Object> one(Alert alert) {
        return notifications(alert.ticketId()).get(0);
    }

    private static Map<String, Object> awaitState(Alert alert, String state) {
        await().atMost(PATIENCE).until(() -> notifications(alert.ticketId()).size() == 1
                && state.equals(one(alert).get("state")));
        return one(alert);
    }
}
