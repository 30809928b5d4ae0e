package dev.promesa.notifier.hours;

import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Priority;
import dev.promesa.notifier.Deliveries;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.TestClock;

/**
 * The example day of docs/notifier-service.md against the real broker, database and SMTP server: desk hours-desk
 * holds staff emails (application.properties, test profile), its team service-desk has no calendar or zone of its
 * own, so its lead works the default calendar, Monday to Friday 09:00–18:00 Madrid time. notifier's clock is moved,
 * never slept on.
 */
@QuarkusTest
class HeldEmailsTest {

    static final String DESK = "hours-desk";
    static final String OPERATOR_KEY = "notifier-operator-key";
    static final String LEAD = "lead@example.com";
    /** Friday 4 December 2026, 20:00 in Madrid. */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-12-04T19:00:00Z");
    /** Monday 7 December 2026, 09:00 in Madrid. */
    static final Instant MONDAY_NINE = Instant.parse("2026-12-07T08:00:00Z");

    @Inject
    ObjectMapper mapper;

    @Inject
    TestClock clock;

    @AfterEach
    void wallClock() {
        clock.reset();
    }

    @Test
    void aFridayEveningEscalationReachesTheLeadOnMondayAtNineAndAP1GoesAtOnce() {
        clock.advanceTo(FRIDAY_EVENING);
        Alert held = escalation(Priority.P2);
        Alert urgent = escalation(Priority.P1);
        publish(mapper, held);
        publish(mapper, urgent);

        // the P1 goes at once, at 20:00 on a Friday
        assertThat(text(awaitMails(LEAD, urgent.ticketId(), 1).get(0))).doesNotContain("Aviso generado");
        assertThat(row(urgent)).containsEntry("state", "SENT").containsEntry("heldUntil", null);

        // the other waits for Monday 09:00, visible in the API and the metrics
        await().atMost(Deliveries.PATIENCE).untilAsserted(() -> assertThat(row(held))
                .containsEntry("state", "PENDING").containsEntry("attempts", 0)
                .containsEntry("heldUntil", MONDAY_NINE.toString())
                .containsEntry("nextAttemptAt", MONDAY_NINE.toString()));
        List<Map<String, Object>> waiting = given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", DESK)
                .queryParam("held", true).when().get("/api/v1/notifications").then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertThat(waiting).extracting(n -> n.get("ticketId")).contains(held.ticketId())
                .doesNotContain(urgent.ticketId());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_notifications_held_total{source=\"" + DESK + "\"}"));
        assertThat(mailsTo(LEAD, held.ticketId())).isEmpty();

        // Monday 09:00: it goes, once
        clock.advanceTo(MONDAY_NINE);
        assertThat(text(awaitMails(LEAD, held.ticketId(), 1).get(0))).contains("Aviso generado el viernes 4 de "
                + "diciembre a las 20:00 (hora de Madrid), fuera de su horario laboral");
        await().atMost(Deliveries.PATIENCE).untilAsserted(() -> assertThat(row(held))
                .containsEntry("state", "SENT").containsEntry("attempts", 1)
                .containsEntry("heldUntil", MONDAY_NINE.toString()));
        assertThat(mailsTo(LEAD, held.ticketId())).hasSize(1);
    }

    /** A level-1 escalation to the lead of hours-desk's team service-desk, raised on Friday at 20:00 Madrid time. */
    static Alert escalation(Priority priority) {
        Alert a = TestAlerts.alert(AlertKind.ESCALATED).level(1).source(DESK).build();
        Alert.TicketContext t = a.ticket();
        return new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), a.source(), FRIDAY_EVENING, a.dueAt(),
                a.late(), new Alert.TicketContext(t.subject(), priority, t.status(), t.requester(), t.assignee(),
                        t.team()),
                a.commitment(), a.sla(), a.nextStep());
    }

    static Map<String, Object> row(Alert alert) {
        List<Map<String, Object>> rows = given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", DESK)
                .queryParam("ticketId", alert.ticketId()).when().get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
