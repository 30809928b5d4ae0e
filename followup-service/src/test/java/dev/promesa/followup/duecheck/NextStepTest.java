package dev.promesa.followup.duecheck;

import static dev.promesa.followup.duecheck.AlertsTopic.alerts;
import static dev.promesa.followup.duecheck.AlertsTopic.pendingOf;
import static dev.promesa.followup.duecheck.AlertsTopic.withdrawals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * The next step an apology names is a promise of its own (issue 14, point 1), on the real topic and database, with
 * the test profile's durations (lead 2 s, grace 3 s, escalation 4 s, apology window 1 min) and the 24x7 policy
 * {@code fast}, so the window is elapsed time. Time is moved on with the service's clock.
 */
@QuarkusTest
class NextStepTest {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void theApologyNamesATrackedNextStepThatAReplyKeeps() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le escribo en una hora con el diagnóstico.",
                HelpdeskEvents.update(due));
        String nextId = promise.eventId() + "~next1";
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P2, TicketStatus.OPEN,
                    "fast"));
            HelpdeskEvents.send(promise);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(dataSource, promise.eventId()) == 5);

            clock.advanceTo(due.plusSeconds(3));
            Alert apology = await().atMost(Duration.ofSeconds(20)).until(() -> first(tail, ticketId,
                    AlertKind.COMMITMENT_OVERDUE_USER, promise.eventId()), Objects::nonNull);
            assertThat(apology.commitment().round()).isZero();
            assertThat(apology.nextStep()).isEqualTo(
                    new Alert.NextStep(nextId, apology.firedAt(), apology.firedAt().plus(WINDOW)));

            // the next step is a promise like any other: owned by the assignee, to the user, with its own alerts
            // (the alert is acknowledged by Kafka before the round commits: the promise is readable right after)
            Map<String, Object> next = await().atMost(Duration.ofSeconds(10)).until(
                    () -> commitment(ticketId, nextId), row -> !row.isEmpty());
            assertThat(next).containsEntry("origin", CommitmentOrigin.APOLOGY.name()).containsEntry("round", 1)
                    .containsEntry("kind", "UPDATE").containsEntry("promisedTo", "USER")
                    .containsEntry("agentId", HelpdeskEvents.ASSIGNEE.id()).containsEntry("state", "OPEN")
                    .containsEntry("madeAt", apology.firedAt().toString())
                    .containsEntry("dueAt", apology.nextStep().dueAt().toString());
            assertThat(next.get("description")).as("worded by the notifier").isNull();
            assertThat(pendingOf(dataSource, nextId)).as("DUE_SOON, OVERDUE, OVERDUE_USER, ESCALATED 1 and 2")
                    .isEqualTo(5);
            given().get("/api/v1/tickets/{id}/timeline", ticketId).then().statusCode(200)
                    .body("find { it.type == 'NEXT_STEP_PROMISED' }.commitmentId", equalTo(nextId))
                    .body("find { it.type == 'NEXT_STEP_PROMISED' }.dueAt",
                            equalTo(apology.nextStep().dueAt().toString()));

            // the lead's escalation about the late promise says what the user was told, and when
            clock.advanceTo(due.plusSeconds(4));
            Alert escalated = await().atMost(Duration.ofSeconds(20)).until(() -> first(tail, ticketId,
                    AlertKind.ESCALATED, promise.eventId()), Objects::nonNull);
            assertThat(escalated.nextStep()).isEqualTo(apology.nextStep());

            // the next public reply keeps both; only the late promise had alerts out, so only it is withdrawn
            HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, clock.instant(),
                    "Ya tenemos el diagnóstico: el certificado del túnel había caducado.", null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "KEPT".equals(commitment(ticketId, nextId).get("state")));
            assertThat(commitment(ticketId, promise.eventId())).containsEntry("state", "KEPT");
            assertThat(pendingOf(dataSource, nextId)).isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> withdrawals(tail, ticketId), w -> !w.isEmpty());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> AlertsTopic.pending(dataSource, ticketId, "ALERT_WITHDRAWN") == 0);
            assertThat(withdrawals(tail, ticketId)).extracting(AlertWithdrawal::commitmentId, AlertWithdrawal::reason)
                    .containsExactly(tuple(promise.eventId(), AlertWithdrawal.Reason.KEPT));
            assertThat(alerts(tail, ticketId)).filteredOn(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE_USER)
                    .as("one apology").hasSize(1);
        }
    }

    @Test
    void aMissedNextStepEscalatesAtOnceApologisesOnceMoreAndTheSecondIsTheLast() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le escribo en una hora.",
                HelpdeskEvents.update(due));
        String first = promise.eventId() + "~next1";
        String second = promise.eventId() + "~next2";
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P2, TicketStatus.OPEN,
                    "fast"));
            HelpdeskEvents.send(promise);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(dataSource, promise.eventId()) == 5);

            clock.advanceTo(due.plusSeconds(3));
            Alert apology = await().atMost(Duration.ofSeconds(20)).until(() -> first(tail, ticketId,
                    AlertKind.COMMITMENT_OVERDUE_USER, promise.eventId()), Objects::nonNull);
            Instant firstDue = apology.nextStep().dueAt();

            // round 1 missed: the agent is told, and the lead and the manager at once, not after the delay
            clock.advanceTo(firstDue);
            List<Alert> missed = await().atMost(Duration.ofSeconds(20))
                    .until(() -> about(tail, ticketId, first), a -> a.size() >= 4);
            assertThat(missed).extracting(Alert::kind).contains(AlertKind.COMMITMENT_OVERDUE, AlertKind.ESCALATED);
            List<Alert> escalations = missed.stream().filter(a -> a.kind() == AlertKind.ESCALATED).toList();
            assertThat(escalations).extracting(Alert::level).containsExactlyInAnyOrder(1, 2);
            for (Alert escalation : escalations) {
                assertThat(escalation.dueAt()).isEqualTo(firstDue);
                assertThat(escalation.late()).as("escalated at its due time").isLessThan(Duration.ofSeconds(4));
                assertThat(escalation.nextStep()).as("what the user was told")
                        .isEqualTo(new Alert.NextStep(first, apology.firedAt(), firstDue));
                assertThat(escalation.commitment().round()).isEqualTo(1);
            }

            // ... and the user hears "de nuevo", with a second next step
            clock.advanceTo(firstDue.plusSeconds(3));
            Alert again = await().atMost(Duration.ofSeconds(20)).until(() -> first(tail, ticketId,
                    AlertKind.COMMITMENT_OVERDUE_USER, first), Objects::nonNull);
            assertThat(again.commitment().round()).isEqualTo(1);
            assertThat(again.commitment().origin()).isEqualTo(CommitmentOrigin.APOLOGY);
            assertThat(again.nextStep()).isEqualTo(
                    new Alert.NextStep(second, again.firedAt(), again.firedAt().plus(WINDOW)));
            assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> commitment(ticketId, second),
                    row -> !row.isEmpty())).containsEntry("round", 2).containsEntry("state", "OPEN");

            // round 2 missed: escalated to the lead and the manager; no third apology is even pending
            assertThat(pendingOf(dataSource, second)).as("DUE_SOON, OVERDUE, ESCALATED 1 and 2").isEqualTo(4);
            clock.advanceTo(again.nextStep().dueAt().plusSeconds(10));
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingOf(dataSource, second) == 0);
            List<Alert> last = await().atMost(Duration.ofSeconds(20))
                    .until(() -> about(tail, ticketId, second), a -> a.size() >= 4);
            assertThat(last).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.COMMITMENT_DUE_SOON,
                    AlertKind.COMMITMENT_OVERDUE, AlertKind.ESCALATED, AlertKind.ESCALATED);
            assertThat(alerts(tail, ticketId)).filteredOn(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE_USER)
                    .extracting(a -> a.commitment().commitmentId()).containsExactly(promise.eventId(), first);
        }
    }

    private static Alert first(TopicTail tail, String ticketId, AlertKind kind, String commitmentId) {
        return about(tail, ticketId, commitmentId).stream().filter(a -> a.kind() == kind).findFirst().orElse(null);
    }

    private static List<Alert> about(TopicTail tail, String ticketId, String commitmentId) {
        return alerts(tail, ticketId).stream()
                .filter(a -> a.commitment() != null && commitmentId.equals(a.commitment().commitmentId())).toList();
    }

    static Map<String, Object> commitment(String ticketId, String commitmentId) {
        List<Map<String, Object>> commitments = given().get("/api/v1/tickets/{id}", ticketId).then().statusCode(200)
                .extract().jsonPath().getList("commitments");
        return commitments.stream().filter(c -> commitmentId.equals(c.get("commitmentId"))).findFirst()
                .orElse(Map.of());
    }
}
