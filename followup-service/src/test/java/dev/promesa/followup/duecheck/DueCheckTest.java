package dev.promesa.followup.duecheck;

import static dev.promesa.followup.HelpdeskEvents.alertsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.TopicTail;

/** The due check's guarantees: disjoint claims between racing workers, and nothing lost while no worker runs. */
@QuarkusTest
class DueCheckTest {

    @Inject
    DueCheckWorker worker;
    @Inject
    DueCheckMetrics metrics;
    @Inject
    TestClock clock;
    @Inject
    DueItemClaimer claimer;

    @AfterEach
    void restartWorkerAndClock() {
        worker.start();
        clock.reset();
    }

    @Test
    void twoWorkersRacingOnOneDatabasePublishEachAlertExactlyOnce() throws Exception {
        worker.stop();
        String ticketId = HelpdeskEvents.newTicketId();
        int items = 400;
        insertDueItems(ticketId, items);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    int claimed = 0;
                    for (int n; (n = claimer.claimAndPublish(10)) > 0;) {
                        claimed += n;
                    }
                    return claimed;
                }));
            }
            go.countDown();
            int first = workers.get(0).get();
            int second = workers.get(1).get();
            pool.shutdown();

            assertThat(first).as("both workers claimed a share").isPositive();
            assertThat(second).as("both workers claimed a share").isPositive();
            List<ConsumerRecord<String, String>> received = await().atMost(Duration.ofSeconds(20))
                    .until(() -> alerts.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key()))
                            .toList(),
                            r -> r.size() >= items);
            // nothing more trickles in afterwards
            List<Alert> all = alertsOf(alerts.pollFor(Duration.ofSeconds(1)), ticketId);
            assertThat(all).hasSize(items);
            assertThat(all).extracting(Alert::alertId).doesNotHaveDuplicates();
            assertThat(received).hasSize(items);
        }
        assertThat(pendingFor(ticketId)).isZero();
    }

    @Test
    void pendingAlertsWaitInTheDatabaseWhileNoWorkerRunsAndFireWhenOneStarts() {
        worker.stop();
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
            HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now, "Le aviso al equipo de redes.",
                    new CommitmentRequest(null, CommitmentKind.UPDATE, due, "Avisar a redes", PromisedTo.TEAM)));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingPromiseAlerts(ticketId) == 4);

            // past every alert's time, but no worker runs: all four wait in the database
            clock.advanceTo(due.plusSeconds(30));
            assertThat(pendingPromiseAlerts(ticketId)).isEqualTo(4);

            worker.start();
            List<Alert> fired = await().atMost(Duration.ofSeconds(20))
                    .until(() -> alertsOf(alerts.received(), ticketId), a -> a.size() >= 4);
            assertThat(fired).extracting(Alert::kind).containsExactly(AlertKind.COMMITMENT_DUE_SOON,
                    AlertKind.COMMITMENT_OVERDUE, AlertKind.ESCALATED, AlertKind.ESCALATED);
        }
        assertThat(pendingPromiseAlerts(ticketId)).isZero();
    }

    static long pendingFor(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.count("ticketId", ticketId));
    }

    @Test
    void alertsThatFallDueWhileKafkaIsDownArePublishedWhenItIsBack() {
        assumeFalse(KafkaBroker.shared().external(), "needs the embedded broker, which a test can stop");
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
            HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now, "Le escribo en cuanto sepa algo.",
                    new CommitmentRequest(null, CommitmentKind.UPDATE, due, "Avisar", PromisedTo.TEAM)));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingPromiseAlerts(ticketId) == 4);

            KafkaBroker.shared().stop();
            try {
                // DUE_SOON and OVERDUE fall due with no broker: every round rolls back, the rows stay
                double failedBefore = metrics.failedRounds();
                clock.advanceTo(due.plusSeconds(1));
                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.failedRounds() > failedBefore);
                assertThat(pendingPromiseAlerts(ticketId)).isEqualTo(4);
            } finally {
                KafkaBroker.shared().start();
            }
            List<Alert> fired = await().atMost(Duration.ofSeconds(30))
                    .until(() -> alertsOf(alerts.received(), ticketId), a -> a.size() >= 2);
            assertThat(fired).extracting(Alert::kind).startsWith(AlertKind.COMMITMENT_DUE_SOON,
                    AlertKind.COMMITMENT_OVERDUE);
            assertThat(fired.get(1).late()).isPositive();
        }
        // consumption recovers too (its group rejoins the restarted broker): a new event is applied again
        String next = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(HelpdeskEvents.userMessage(next, clock.instant()));
        await().atMost(Duration.ofSeconds(90)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Ticket.find(new TicketRef(HelpdeskEvents.SOURCE, next)) != null));
    }

    /** The promise's alerts only: the ticket's SLA clocks (an hour away on this policy) have their own. */
    static long pendingPromiseAlerts(String ticketId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DueItem.count("ticketId = ?1 and commitmentId is not null", ticketId));
    }

    static void insertDueItems(String ticketId, int count) throws Exception {
        try (Connection db = PostgresDatabase.shared().connect();
                PreparedStatement insert = db.prepareStatement("""
                        insert into due_item (alert_id, source, ticket_id, kind, level, due_at, subject_due_at,
                                              ticket_context)
                        select 'race:' || ? || ':' || g, 'desk-test', ?, 'SATISFACTION_CHECK', 0,
                               now() - g * interval '1 ms', now() - g * interval '1 ms', '{"subject":"race"}'
                        from generate_series(1, ?) g""")) {
            insert.setString(1, ticketId);
            insert.setString(2, ticketId);
            insert.setInt(3, count);
            assertThat(insert.executeUpdate()).isEqualTo(count);
        }
    }
}
