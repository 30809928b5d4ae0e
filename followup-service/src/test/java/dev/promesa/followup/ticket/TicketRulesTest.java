package dev.promesa.followup.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.duecheck.DueItem;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** The rules review found missing, each through the real topic and database. */
@QuarkusTest
class TicketRulesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void aBreachWhoseMomentPassedBeforeTheSnapshotArrivedIsReportedAtOnce() {
        String ticketId = HelpdeskEvents.newTicketId();
        // the user's message came an hour ago; the ticket's snapshot (P1: first response in 15 min, 24x7) only now
        Instant created = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, created));
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, clock.instant(), Priority.P1, TicketStatus.OPEN,
                    null));
            Alert breach = await().atMost(Duration.ofSeconds(30)).until(() -> firstResponse(alerts, ticketId),
                    a -> !a.isEmpty()).get(0);
            assertThat(breach.kind()).isEqualTo(AlertKind.SLA_BREACHED);
            assertThat(breach.dueAt()).isEqualTo(created.plus(Duration.ofMinutes(15)));
            assertThat(breach.late()).isGreaterThan(Duration.ofMinutes(44));
            assertThat(firstResponse(alerts, ticketId)).as("a passed breach makes the warning moot").hasSize(1);
        }
    }

    @Test
    void aPolicyChangeThatPutsTheTargetBehindReportsTheBreachAtOnce() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant start = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            // 'fast': P3 24x7, first response in 1 h; half an hour later the desk moves it to 'default' P1: 15 min
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, start, Priority.P3, TicketStatus.OPEN, "fast"));
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, clock.instant(), Priority.P1, TicketStatus.OPEN,
                    "default"));
            List<Alert> fr = await().atMost(Duration.ofSeconds(30)).until(() -> firstResponse(alerts, ticketId),
                    a -> a.stream().anyMatch(x -> x.kind() == AlertKind.SLA_BREACHED));
            assertThat(fr).extracting(Alert::kind).containsExactly(AlertKind.SLA_BREACHED);
            assertThat(fr.get(0).sla().target()).isEqualTo(Duration.ofMinutes(15));
            assertThat(fr.get(0).sla().policy()).isEqualTo("default");
        }
    }

    @Test
    void reopeningResumesTheNextUpdateClockAsWellAsResolution() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, t, Priority.P3, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, t.plusSeconds(1)));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, t.plusSeconds(2), Priority.P3, TicketStatus.RESOLVED,
                "fast"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clocks(ticketId))
                .containsEntry("NEXT_UPDATE#0", "STOPPED").containsEntry("RESOLUTION#0", "MET"));

        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, t.plusSeconds(3), Priority.P3, TicketStatus.OPEN, "fast"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clocks(ticketId))
                .containsEntry("NEXT_UPDATE#0", "RUNNING").containsEntry("RESOLUTION#0", "RUNNING"));
        assertThat(pending(ticketId)).as("the resumed update clock is armed again")
                .anyMatch(id -> id.endsWith(":NEXT_UPDATE:0:SLA_BREACHED"));
    }

    @Test
    void anUnchangedRepostChangesNothingAndAKeptPromiseReopensOnlyForANewDueTime() {
        String ticketId = HelpdeskEvents.newTicketId();
        String id = "repost-" + ticketId;
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = t.plus(Duration.ofHours(2));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, t, Priority.P3, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, t, "Le escribo a las 12.", promise(id, due)));
        await().atMost(Duration.ofSeconds(30)).until(() -> promisePending(ticketId).size() == 5);
        List<String> before = promisePending(ticketId);

        // the same promise again (a help desk resending its field): same revision, same pending alerts
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, t.plusSeconds(1), "Le escribo a las 12.",
                promise(id, due)));
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, t.plusSeconds(2))); // marker
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline",
                ticketId).then().body("size()", equalTo(3)));
        JsonPath open = given().get("/api/v1/tickets/{id}", ticketId).then().extract().jsonPath();
        assertThat(open.getInt("commitments[0].revision")).isEqualTo(1);
        assertThat(open.getString("commitments[0].state")).isEqualTo("OPEN");
        assertThat(promisePending(ticketId)).containsExactlyElementsOf(before);

        // kept by the next public reply; posted again unchanged it stays kept, with nothing pending
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, t.plusSeconds(3), "Ya está resuelto.", null));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, t.plusSeconds(4), "Le escribo a las 12.",
                promise(id, due)));
        HelpdeskEvents.send(HelpdeskEvents.userMessage(ticketId, t.plusSeconds(5))); // marker
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline",
                ticketId).then().body("size()", equalTo(6)));
        given().get("/api/v1/tickets/{id}", ticketId).then().body("commitments[0].state", equalTo("KEPT"))
                .body("commitments[0].revision", equalTo(1));
        assertThat(promisePending(ticketId)).isEmpty();

        // a new due time is a new promise under the same id
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, t.plusSeconds(6), "Le escribo a las 14.",
                promise(id, due.plus(Duration.ofHours(2)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("commitments[0].state", equalTo("OPEN")).body("commitments[0].revision", equalTo(2)));
        assertThat(promisePending(ticketId)).hasSize(5).allMatch(a -> a.contains(":r2:"));
    }

    @Test
    void aDeskThatCountsDelaysInWorkingHoursEscalatesOnTheNextWorkingMorning() {
        // due Friday 4 January 2030 at 17:59:58 in Madrid (the default policy's calendar: Mon-Fri 09:00-18:00);
        // test delays: grace 3 s, escalation 4 s (level 2: 8 s)
        Instant due = ZonedDateTime.of(2030, 1, 4, 17, 59, 58, 0, ZoneId.of("Europe/Madrid")).toInstant();
        Instant monday9 = ZonedDateTime.of(2030, 1, 7, 9, 0, 0, 0, ZoneId.of("Europe/Madrid")).toInstant();
        String ticketId = HelpdeskEvents.newTicketId();
        Instant made = due.minus(Duration.ofHours(3));
        for (String source : List.of(HelpdeskEvents.SOURCE, "hours-desk")) {
            HelpdeskEvents.send(source, new TicketSnapshot(HelpdeskEvents.newEventId(), ticketId, made,
                    "VPN", Priority.P3, TicketStatus.OPEN, null, HelpdeskEvents.REQUESTER, HelpdeskEvents.ASSIGNEE,
                    HelpdeskEvents.TEAM, null));
            HelpdeskEvents.send(source, HelpdeskEvents.agentReply(ticketId, made, "Le escribo antes de las 18.",
                    promise("wh-" + ticketId, due)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> dueTimes("hours-desk", ticketId).size() == 5
                && dueTimes(HelpdeskEvents.SOURCE, ticketId).size() == 5);
        assertThat(dueTimes(HelpdeskEvents.SOURCE, ticketId)).as("elapsed time: Friday evening")
                .containsEntry("COMMITMENT_OVERDUE_USER:0", due.plusSeconds(3))
                .containsEntry("ESCALATED:1", due.plusSeconds(4))
                .containsEntry("ESCALATED:2", due.plusSeconds(8));
        assertThat(dueTimes("hours-desk", ticketId)).as("working hours: Monday morning")
                .containsEntry("COMMITMENT_OVERDUE", due)
                .containsEntry("COMMITMENT_OVERDUE_USER:0", monday9.plusSeconds(1))
                .containsEntry("ESCALATED:1", monday9.plusSeconds(2))
                .containsEntry("ESCALATED:2", monday9.plusSeconds(6));
    }

    private static CommitmentRequest promise(String id, Instant due) {
        return new CommitmentRequest(id, CommitmentKind.UPDATE, due, "Enviar el diagnóstico", PromisedTo.USER);
    }

    private static List<Alert> firstResponse(TopicTail alerts, String ticketId) {
        return HelpdeskEvents.alertsOf(alerts.received(), ticketId).stream()
                .filter(a -> a.sla() != null && a.sla().metric() == SlaMetric.FIRST_RESPONSE).toList();
    }

    /** metric#cycle → state, from the read API. */
    private static Map<String, String> clocks(String ticketId) {
        JsonPath ticket = given().get("/api/v1/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath();
        Map<String, String> states = new TreeMap<>();
        List<Map<String, Object>> list = ticket.getList("clocks");
        list.forEach(c -> states.put(c.get("metric") + "#" + c.get("cycle"), (String) c.get("state")));
        return states;
    }

    private static List<String> pending(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.<DueItem>list("source = ?1 and ticketId = ?2",
                HelpdeskEvents.SOURCE, ticketId).stream().map(d -> d.alertId).sorted().toList());
    }

    private static List<String> promisePending(String ticketId) {
        return pending(ticketId).stream().filter(id -> id.contains(":commitment:")).toList();
    }

    /** "KIND:level" (the OVERDUE without its level) → when it fires, for one source's ticket. */
    private static Map<String, Instant> dueTimes(String source, String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> times = new TreeMap<>();
            DueItem.<DueItem>list("source = ?1 and ticketId = ?2 and commitmentId is not null", source, ticketId)
                    .forEach(d -> times.put(AlertKind.COMMITMENT_OVERDUE.name().equals(d.kind)
                            ? d.kind
                            : d.kind + ":" + d.level, d.dueAt));
            return times;
        });
    }

}
