package dev.promesa.followup.duecheck;

import static dev.promesa.followup.duecheck.AlertsTopic.alerts;
import static dev.promesa.followup.duecheck.AlertsTopic.pending;
import static dev.promesa.followup.duecheck.AlertsTopic.pendingOf;
import static dev.promesa.followup.duecheck.AlertsTopic.withdrawals;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Nothing stale (issue 14, point 2): once a promise's alerts are out, keeping, cancelling or rescheduling it, or
 * resolving its ticket, publishes one {@code followup.alert-withdrawn.v1} on the alerts topic; a promise kept before
 * any of its alerts fired publishes nothing. (Kept after an alert: {@link NextStepTest}.)
 */
@QuarkusTest
class WithdrawalTest {

    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void cancellingAPromiseWhoseAlertWentOutWithdrawsIt() {
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            Overdue overdue = overduePromise(tail);
            act(overdue, "cancel", Map.of("actorId", "a-jorge", "reason", "La usuaria lo resolvió sola"));
            AlertWithdrawal withdrawal = theOnlyWithdrawal(tail, overdue.ticketId());
            assertThat(withdrawal.commitmentId()).isEqualTo(overdue.commitmentId());
            assertThat(withdrawal.reason()).isEqualTo(AlertWithdrawal.Reason.CANCELLED);
            assertThat(withdrawal.source()).isEqualTo(HelpdeskEvents.SOURCE);
            assertThat(withdrawal.at()).isAfter(overdue.firedAt());
            ConsumerRecord<String, String> record = AlertsTopic.records(tail, overdue.ticketId(),
                    CloudEvents.TYPE_ALERT_WITHDRAWN).get(0);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_ID)).isEqualTo(withdrawal.withdrawalId());
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo(overdue.ticketId());
            assertThat(withdrawal.withdrawalId()).isEqualTo(HelpdeskEvents.SOURCE + ":withdrawal:"
                    + overdue.ticketId() + ":" + overdue.commitmentId() + ":CANCELLED:"
                    + withdrawal.at().toEpochMilli());
        }
    }

    @Test
    void reschedulingAPromiseWhoseAlertWentOutWithdrawsItsOldAlerts() {
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            Overdue overdue = overduePromise(tail);
            act(overdue, "reschedule", Map.of("actorId", "a-jorge",
                    "dueAt", clock.instant().plus(Duration.ofHours(1)).toString(), "reason", "Espera al proveedor"));
            AlertWithdrawal withdrawal = theOnlyWithdrawal(tail, overdue.ticketId());
            assertThat(withdrawal.commitmentId()).isEqualTo(overdue.commitmentId());
            assertThat(withdrawal.reason()).isEqualTo(AlertWithdrawal.Reason.RESCHEDULED);
            assertThat(pendingOf(dataSource, overdue.commitmentId())).as("the new revision's alerts").isPositive();
        }
    }

    @Test
    void resolvingATicketWithAlertsOutWithdrawsThemAllAtOnce() {
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            Overdue overdue = overduePromise(tail);
            HelpdeskEvents.send(HelpdeskEvents.ticket(overdue.ticketId(), overdue.madeAt().plusSeconds(5),
                    Priority.P2, TicketStatus.RESOLVED, "fast"));
            AlertWithdrawal withdrawal = theOnlyWithdrawal(tail, overdue.ticketId());
            assertThat(withdrawal.commitmentId()).as("every alert of the ticket").isNull();
            assertThat(withdrawal.reason()).isEqualTo(AlertWithdrawal.Reason.RESOLVED);
        }
    }

    @Test
    void aPromiseKeptBeforeAnyAlertFiredWithdrawsNothing() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le escribo en cuanto sepa algo.",
                HelpdeskEvents.update(now.plusSeconds(60)));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P2, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(promise);
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now.plusMillis(500), "Ya está resuelto.", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200).body("commitments[0].state", equalTo("KEPT")));
        // kept in the transaction that would have written the withdrawal: there is none, so none can be published
        assertThat(pending(dataSource, ticketId, "ALERT_WITHDRAWN")).isZero();
        assertThat(pendingOf(dataSource, promise.eventId())).isZero();

        // resolving a ticket that never had an alert out writes no withdrawal either (the ingest resolves thousands)
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.plusSeconds(1), Priority.P2, TicketStatus.RESOLVED,
                "fast"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200).body("status", equalTo("RESOLVED")));
        assertThat(pending(dataSource, ticketId, "ALERT_WITHDRAWN")).isZero();
    }

    /** A promise made a minute ago whose COMMITMENT_OVERDUE went out. */
    private record Overdue(String ticketId, String commitmentId, Instant madeAt, Instant firedAt) {
    }

    private Overdue overduePromise(TopicTail tail) {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le llamo en una hora.",
                HelpdeskEvents.update(due));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P2, TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(promise);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(dataSource, promise.eventId()) == 5);
        clock.advanceTo(due);
        Instant firedAt = await().atMost(Duration.ofSeconds(20)).until(() -> alerts(tail, ticketId).stream()
                .filter(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE).map(a -> a.firedAt()).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        return new Overdue(ticketId, promise.eventId(), now, firedAt);
    }

    private static void act(Overdue overdue, String action, Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets/{t}/commitments/{c}/" + action, overdue.ticketId(), overdue.commitmentId())
                .then().statusCode(200);
    }

    /** Waits for the ticket's withdrawal, then for its due item to be gone: exactly one was published. */
    private AlertWithdrawal theOnlyWithdrawal(TopicTail tail, String ticketId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawals(tail, ticketId), w -> !w.isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(dataSource, ticketId, "ALERT_WITHDRAWN") == 0);
        tail.pollFor(Duration.ofMillis(500)); // a second copy, had one been published, would be here by now
        List<AlertWithdrawal> all = withdrawals(tail, ticketId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
