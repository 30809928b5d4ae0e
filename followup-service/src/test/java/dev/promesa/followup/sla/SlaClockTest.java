package dev.promesa.followup.sla;

import static dev.promesa.followup.HelpdeskEvents.alertsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.duecheck.DueItem;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * SLA clocks through the real consumer and database. Event times are the events' own, so due times are exact; the
 * business-hours cases use dates in 2030, far enough ahead that none of their alerts fire during the test.
 */
@QuarkusTest
class SlaClockTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    static Instant madrid(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2030, month, day, hour, minute, 0, 0, MADRID).toInstant();
    }

    static String clock(String metric, String field) {
        return "clocks.find { it.metric == '" + metric + "' && it.cycle == 0 }." + field;
    }

    @Test
    void pauseAndResumeMoveTheDueTimeByExactlyThePausedBusinessTime() {
        String ticketId = HelpdeskEvents.newTicketId();
        // P3, default policy, Madrid office hours: first response 4 business hours, resolution 3 business days
        Instant created = madrid(1, 7, 10, 0); // Monday 7 Jan 2030, 10:00
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, created, Priority.P3, TicketStatus.OPEN, null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body(clock("FIRST_RESPONSE", "dueAt"), equalTo(madrid(1, 7, 14, 0).toString()))
                // 27 business hours: Mon 10–18 (8) + Tue, Wed (18) + Thu 09–10 (1)
                .body(clock("RESOLUTION", "dueAt"), equalTo(madrid(1, 10, 10, 0).toString())));

        // Waiting on the user from Monday 11:00 until the user writes on Tuesday at 10:00.
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(1, 7, 11, 0), Priority.P3,
                TicketStatus.WAITING_ON_USER, null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body(clock("FIRST_RESPONSE", "state"), equalTo("PAUSED"))
                .body(clock("FIRST_RESPONSE", "paused"), equalTo(true))
                .body(clock("FIRST_RESPONSE", "consumed"), equalTo("PT1H"))
                .body(clock("FIRST_RESPONSE", "dueAt"), nullValue()));

        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, madrid(1, 8, 10, 0)));
        // Paused business time: Mon 11–18 (7 h) + Tue 09–10 (1 h) = 8 h; each due time moves by exactly that.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("clocksPaused", equalTo(false))
                .body(clock("FIRST_RESPONSE", "state"), equalTo("RUNNING"))
                .body(clock("FIRST_RESPONSE", "dueAt"), equalTo(madrid(1, 8, 13, 0).toString()))
                .body(clock("RESOLUTION", "dueAt"), equalTo(madrid(1, 10, 18, 0).toString()))
                // the user's message also started a NEXT_UPDATE cycle (1 business day)
                .body(clock("NEXT_UPDATE", "dueAt"), equalTo(madrid(1, 9, 10, 0).toString())));
    }

    @Test
    void aPublicAgentResponseMeetsFirstResponseAndStartsTheNextUpdateCycle() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant created = madrid(2, 4, 9, 30); // Monday
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, created, Priority.P2, TicketStatus.OPEN, null));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, madrid(2, 4, 10, 0), "Lo estamos mirando.", null));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, madrid(2, 4, 12, 0), "Novedades: ...", null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("clocks.size()", equalTo(4))
                .body(clock("FIRST_RESPONSE", "state"), equalTo("MET"))
                .body(clock("FIRST_RESPONSE", "met"), equalTo(true))
                .body(clock("FIRST_RESPONSE", "consumed"), equalTo("PT30M"))
                .body(clock("NEXT_UPDATE", "state"), equalTo("MET"))
                .body("clocks.find { it.metric == 'NEXT_UPDATE' && it.cycle == 1 }.state", equalTo("RUNNING"))
                // P2 updates every 4 business hours
                .body("clocks.find { it.metric == 'NEXT_UPDATE' && it.cycle == 1 }.dueAt",
                        equalTo(madrid(2, 4, 16, 0).toString())));
    }

    @Test
    void resolvingStopsTheClocksAndReopeningResumesResolutionAndCountsARecurrence() {
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(3, 4, 9, 0), Priority.P2, TicketStatus.OPEN,
                null));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(3, 4, 11, 0), Priority.P2, TicketStatus.RESOLVED,
                null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body(clock("RESOLUTION", "state"), equalTo("MET"))
                .body(clock("RESOLUTION", "consumed"), equalTo("PT2H"))
                .body(clock("FIRST_RESPONSE", "state"), equalTo("STOPPED"))
                .body("resolvedAt", equalTo(madrid(3, 4, 11, 0).toString())));

        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(3, 5, 9, 0), Priority.P2, TicketStatus.OPEN,
                null));
        // 8 business hours, 2 used: 6 h from Tuesday 09:00
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("recurrences", equalTo(1))
                .body("resolvedAt", nullValue())
                .body(clock("RESOLUTION", "state"), equalTo("RUNNING"))
                .body(clock("RESOLUTION", "dueAt"), equalTo(madrid(3, 5, 15, 0).toString())));
    }

    @Test
    void warningAndBreachArriveOnTheTopicWithTheSlaContext() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            // policy 'seconds' (test profile): P1 24x7, first response in 4 s
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P1, TicketStatus.NEW, "seconds"));
            await().atMost(Duration.ofSeconds(20)).until(() -> dueAlertIds(ticketId).size() >= 2);
            clock.advanceTo(now.plusSeconds(4));
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> alerts.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key()))
                            .toList(),
                            r -> r.stream().filter(x -> x.value().contains("FIRST_RESPONSE")).count() >= 2);
            List<Alert> firstResponse = alertsOf(records, ticketId).stream()
                    .filter(a -> a.sla().metric() == SlaMetric.FIRST_RESPONSE).toList();
            assertThat(firstResponse).extracting(Alert::kind).containsExactly(AlertKind.SLA_WARNING,
                    AlertKind.SLA_BREACHED);
            Alert warning = firstResponse.get(0);
            assertThat(warning.alertId())
                    .isEqualTo(HelpdeskEvents.SOURCE + ":sla:" + ticketId + ":FIRST_RESPONSE:0:SLA_WARNING");
            assertThat(warning.sla().percent()).isEqualTo(75);
            assertThat(warning.sla().target()).isEqualTo(Duration.ofSeconds(4));
            assertThat(warning.sla().policy()).isEqualTo("seconds");
            assertThat(warning.dueAt()).isEqualTo(now.plusSeconds(4));
            assertThat(warning.firedAt()).isAfterOrEqualTo(now.plusSeconds(3));
            assertThat(warning.ticket().priority()).isEqualTo(Priority.P1);
            Alert breach = firstResponse.get(1);
            assertThat(breach.sla().percent()).isEqualTo(100);
            assertThat(breach.firedAt()).isAfterOrEqualTo(now.plusSeconds(4));
            assertThat(breach.commitment()).isNull();
        }
        given().get("/api/v1/tickets/{id}", ticketId).then()
                .body(clock("FIRST_RESPONSE", "breached"), equalTo(true));
    }

    @Test
    void resolutionSchedulesASatisfactionCheckThatReopeningWithdraws() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(30), Priority.P3, TicketStatus.OPEN,
                "fast"));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.RESOLVED, "fast"));
        await().atMost(Duration.ofSeconds(10)).until(() -> dueAlertIds(ticketId)
                .contains(HelpdeskEvents.SOURCE + ":satisfaction:" + ticketId + ":0"));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.plusSeconds(1), Priority.P3, TicketStatus.OPEN,
                "fast"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dueAlertIds(ticketId))
                .doesNotContain(HelpdeskEvents.SOURCE + ":satisfaction:" + ticketId + ":0"));
        given().get("/api/v1/tickets/{id}", ticketId).then().body("recurrences", equalTo(1));
    }

    @Test
    void raisingThePriorityRetargetsRunningClocksKeepingTheTimeUsed() {
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(1, 14, 10, 0), Priority.P3, TicketStatus.OPEN,
                null));
        // an hour later it becomes P1 (24x7): resolution 4 h, of which 1 h is used
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(1, 14, 11, 0), Priority.P1, TicketStatus.OPEN,
                null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body(clock("RESOLUTION", "hours"), equalTo("24x7"))
                .body(clock("RESOLUTION", "target"), equalTo("PT4H"))
                .body(clock("RESOLUTION", "dueAt"), equalTo(madrid(1, 14, 14, 0).toString()))
                // 15 minutes for a first response are long gone: due at once, and shown as breached
                .body(clock("FIRST_RESPONSE", "target"), equalTo("PT15M"))
                .body(clock("FIRST_RESPONSE", "dueAt"), equalTo(madrid(1, 14, 11, 0).toString()))
                .body(clock("FIRST_RESPONSE", "breached"), equalTo(true)));
    }

    @Test
    void unknownPolicyFallsBackToDefault() {
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, madrid(1, 7, 10, 0), Priority.P1, TicketStatus.OPEN,
                "no-such-policy"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body(clock("FIRST_RESPONSE", "policy"), equalTo("default"))
                .body(clock("FIRST_RESPONSE", "hours"), equalTo("24x7"))
                .body(clock("FIRST_RESPONSE", "target"), equalTo("PT15M")));
        given().get("/api/v1/policies").then().statusCode(200).body("name", hasItem("default"));
    }

    static List<String> dueAlertIds(String ticketId) {
        return QuarkusTransaction.requiringNew().call(
                () -> DueItem.<DueItem>list("ticketId",
                        ticketId).stream().map(d -> d.alertId).toList());
    }
}
