package dev.promesa.followup.duecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.TopicTail;

/**
 * Measurements for docs/followup-service.md, not assertions about speed. Run on demand:
 * {@code mvn verify -pl followup-service -Dbenchmark=true -Dtest=DueCheckBenchmark}. Results are printed and written
 * to {@code target/benchmark/}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DueCheckBenchmark {

    static final int PROMISES = 300;
    static final int MILLION = 1_000_000;

    @Inject
    DueCheckWorker worker;

    /** Delay from each promise's due time to its COMMITMENT_OVERDUE record on the topic (record timestamp). */
    @Test
    void delayFromDueTimeToAlertOnTheTopic() throws Exception {
        Random random = new Random(1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Instant> dueByCommitment = new HashMap<>();
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            List<String> tickets = new ArrayList<>();
            for (int t = 0; t < 30; t++) {
                String ticketId = "bench-" + HelpdeskEvents.newTicketId();
                tickets.add(ticketId);
                HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, "fast"));
            }
            // far enough ahead that every promise is stored before the first one falls due (checked below): the
            // figure is the due check's delay, not the ingest backlog's
            Instant firstDue = Instant.now().plusSeconds(45);
            for (int i = 0; i < PROMISES; i++) {
                String ticketId = tickets.get(i % tickets.size());
                Instant due = firstDue.plusMillis(random.nextInt(20_000));
                Interaction promise = new Interaction(HelpdeskEvents.newEventId(), ticketId, now,
                        InteractionKind.INTERNAL_NOTE, null,
                        new Author("a-bench", AuthorRole.AGENT),
                        Visibility.INTERNAL, "promise " + i,
                        new CommitmentRequest(null, CommitmentKind.ACTION, due, "bench", PromisedTo.TEAM), List.of());
                dueByCommitment.put(promise.eventId(), due);
                HelpdeskEvents.send(promise);
            }
            await().atMost(Duration.ofSeconds(45)).until(() -> QuarkusTransaction
                    .requiringNew().call(() -> Commitment.count("agentId", "a-bench")) >= PROMISES);
            Instant ingested = Instant.now();
            assertThat(ingested).as("all promises stored before the first due time").isBefore(firstDue);
            List<ConsumerRecord<String, String>> overdue = await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> overdueRecords(alerts.received(), dueByCommitment), r -> r.size() >= PROMISES);
            List<Long> delays = new ArrayList<>();
            for (ConsumerRecord<String, String> record : overdue) {
                Alert alert = HelpdeskEvents.alert(record);
                delays.add(record.timestamp() - dueByCommitment.get(alert.commitment().commitmentId()).toEpochMilli());
            }
            delays.sort(Long::compare);
            String report = String.format(
                    "promises=%d (stored %d s before the first due time), due within 20 s; delay due→record on %s "
                            + "(ms): min=%d median=%d p95=%d p99=%d max=%d%n",
                    delays.size(), Duration.between(ingested, firstDue).toSeconds(), Topics.ALERTS, delays.get(0),
                    delays.get(delays.size() / 2),
                    delays.get(delays.size() * 95 / 100), delays.get(delays.size() * 99 / 100),
                    delays.get(delays.size() - 1));
            write("latency.txt", report);
            assertThat(delays).allMatch(d -> d >= 0);
        }
    }

    /** EXPLAIN ANALYZE of the claim query with a million pending items, a thousand of them due. */
    @Test
    void claimQueryPlanWithAMillionPendingItems() throws Exception {
        worker.stop();
        try (Connection db = PostgresDatabase.shared().connect(); Statement sql = db.createStatement()) {
            long start = System.nanoTime();
            sql.executeUpdate("""
                    insert into due_item (alert_id, source, ticket_id, kind, level, due_at, subject_due_at)
                    select 'bench:' || g, 'bench', 'bench-' || (g %% 50000), 'COMMITMENT_OVERDUE', 0, d, d
                    from (select g, case when g <= 1000 then now() - g * interval '1 ms'
                                         else now() + interval '1 hour' + g * interval '2 s' end as d
                          from generate_series(1, %d) g) items""".formatted(MILLION));
            long insertMs = (System.nanoTime() - start) / 1_000_000;
            sql.execute("analyze due_item");
            db.setAutoCommit(false);
            StringBuilder plan = new StringBuilder("-- %d rows inserted in %d ms%n".formatted(MILLION, insertMs));
            try (ResultSet rs = sql.executeQuery("explain (analyze, buffers) "
                    + DueItemClaimer.CLAIM_SQL.replaceFirst("\\?", "now()").replaceFirst("\\?", "500"))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            db.rollback();
            db.setAutoCommit(true);
            write("claim-plan.txt", plan.toString());
            sql.executeUpdate("delete from due_item where alert_id like 'bench:%'");
        } finally {
            worker.start();
        }
    }

    private static List<ConsumerRecord<String, String>> overdueRecords(List<ConsumerRecord<String, String>> records,
            Map<String, Instant> dueByCommitment) {
        return records.stream().filter(r -> r.key().startsWith(HelpdeskEvents.key("bench-"))).filter(r -> {
            Alert alert = HelpdeskEvents.alert(r);
            return alert.kind() == AlertKind.COMMITMENT_OVERDUE
                    && dueByCommitment.containsKey(alert.commitment().commitmentId());
        }).toList();
    }

    private static void write(String name, String text) throws Exception {
        Path dir = Path.of("target", "benchmark");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
        System.out.println("=== " + name + "\n" + text);
    }
}
