package dev.promesa.followup.duecheck;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.scheduling.DueItemWriter;

/**
 * One round of the due check, in one transaction: claim due items (row locks, {@code SKIP LOCKED} so replicas take
 * disjoint batches), publish their alerts and wait for Kafka's acks, delete the items, commit. Each item carries its
 * alert's whole context (written when it was scheduled and kept current as the ticket changed), so a round reads one
 * table with one statement, whatever the batch size. If publishing fails the transaction rolls back and the items are
 * claimed again next round. If the process dies after the acks but before the commit, the items are published again
 * next round with the same alert ids: at least once, never lost.
 */
@ApplicationScoped
public class DueItemClaimer {

    private static final Logger LOG = Logger.getLogger(DueItemClaimer.class);

    /** Reads the due_at index from its low end; locked rows (another replica's batch) are skipped, not waited on. */
    static final String CLAIM_SQL = """
            select id, alert_id, source, ticket_id, kind, level, due_at, subject_due_at, ticket_context,
                   commitment_context, sla_context, next_step, withdrawal
            from due_item
            where due_at <= ?
            order by due_at
            limit ?
            for update skip locked""";
    private static final String DELETE = "delete from due_item where id = any(?)";
    /** What a later withdrawal looks for; satisfaction checks are never withdrawn, so they are not recorded. */
    private static final String EMITTED = """
            insert into alert_emitted (source, ticket_id, commitment_id, fired_at)
            select s, t, c, ?::timestamptz from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as e(s, t, c)""";
    /**
     * A withdrawal takes the published alerts it covers (those of its promise, or of its whole ticket, fired before
     * it): none means nothing of it was ever published, and it is dropped unpublished.
     */
    private static final String COVERED = """
            with covered as (
                delete from alert_emitted
                where source = ? and ticket_id = ? and fired_at <= ? and (?::varchar is null or commitment_id = ?)
                returning 1)
            select count(*) from covered""";
    private static final int ALERTS_LOGGED_ONE_BY_ONE = 5;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AlertPublisher publisher;
    private final DueCheckMetrics metrics;
    private final NextSteps nextSteps;
    private final Clock clock;

    DueItemClaimer(DataSource dataSource, ObjectMapper json, AlertPublisher publisher, DueCheckMetrics metrics,
            NextSteps nextSteps, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.publisher = publisher;
        this.metrics = metrics;
        this.nextSteps = nextSteps;
        this.clock = clock;
    }

    /**
     * One claimed item: its row id, when it was due, and either its alert or (a due item of kind
     * {@link DueItemWriter#WITHDRAWAL_KIND}) a withdrawal to publish if what it withdraws was published.
     */
    private record Claimed(long id, Alert alert, AlertWithdrawal withdrawal, Instant dueAt) {

        TicketRef ticket() {
            return alert != null ? alert.ticketRef() : new TicketRef(withdrawal.source(), withdrawal.ticketId());
        }
    }

    /** @return how many items were claimed and published (a full batch means: run again at once) */
    public int claimAndPublish(int batchSize) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = claimAndPublish(connection, batchSize);
                connection.commit();
                return published;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due items: " + e.getMessage(), e);
        }
    }

    private int claimAndPublish(Connection connection, int batchSize) throws SQLException {
        Instant now = clock.instant();
        List<Claimed> all = claim(connection, now, batchSize);
        if (all.isEmpty()) {
            return 0;
        }
        Instant firedAt = all.stream().filter(c -> c.alert() != null).findFirst().map(c -> c.alert().firedAt())
                .orElse(now);
        NextSteps.Recorded steps = nextSteps.record(connection, all.stream().map(Claimed::alert)
                .filter(a -> a != null && NextSteps.namesNextStep(a)).toList(), firedAt);
        List<Claimed> claimed = new ArrayList<>(all.size());
        List<ProducerRecord<String, String>> records = new ArrayList<>(all.size());
        for (Claimed item : all) {
            if (steps.deferred().contains(item.ticket())) {
                continue; // the ingest is changing the ticket: its items stay due, for the next round
            }
            claimed.add(item);
            if (item.alert() != null) {
                records.add(publisher.toRecord(withNextStep(item.alert(), steps)));
            } else if (covers(connection, item.withdrawal())) {
                records.add(publisher.toRecord(item.withdrawal()));
                LOG.infof("Withdrawal %s published for ticket %s: the alerts published before %s about %s are stale "
                        + "(%s)", item.withdrawal().withdrawalId(), item.ticket(), item.withdrawal().at(),
                        item.withdrawal().commitmentId() == null ? "the ticket" : item.withdrawal().commitmentId(),
                        item.withdrawal().reason());
            } else {
                LOG.debugf("Withdrawal %s dropped: nothing it covers was ever published",
                        item.withdrawal().withdrawalId());
            }
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        if (!records.isEmpty()) {
            publisher.send(records);
        }
        emitted(connection, claimed, firedAt);
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array ids = connection.createArrayOf("bigint", claimed.stream().map(Claimed::id).toArray());
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
        List<Claimed> alerts = claimed.stream().filter(c -> c.alert() != null).toList();
        if (!alerts.isEmpty()) {
            report(alerts);
        }
        return claimed.size();
    }

    /**
     * The alert as published: an apology names the next step just recorded for it; a staff alert about a promise
     * already apologised for says what the user was told (recorded on its due item, or recorded in this very round).
     */
    private static Alert withNextStep(Alert alert, NextSteps.Recorded steps) {
        Alert.NextStep step = steps.byAlert().get(alert.alertId());
        if (step == null && alert.nextStep() == null && alert.kind() == AlertKind.ESCALATED
                && alert.commitment() != null) {
            step = steps.byLatePromise().get(NextSteps.key(alert.source(), alert.commitment().commitmentId()));
        }
        if (step == null) {
            return alert;
        }
        return new Alert(alert.alertId(), alert.kind(), alert.level(), alert.ticketId(), alert.source(),
                alert.firedAt(), alert.dueAt(), alert.late(), alert.ticket(), alert.commitment(), alert.sla(), step);
    }

    private static boolean covers(Connection connection, AlertWithdrawal withdrawal) throws SQLException {
        try (PreparedStatement covered = connection.prepareStatement(COVERED)) {
            covered.setString(1, withdrawal.source());
            covered.setString(2, withdrawal.ticketId());
            covered.setObject(3, OffsetDateTime.ofInstant(withdrawal.at(), ZoneOffset.UTC));
            covered.setString(4, withdrawal.commitmentId());
            covered.setString(5, withdrawal.commitmentId());
            try (ResultSet rows = covered.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Records the published alerts a later withdrawal may cover: all but satisfaction checks. */
    private static void emitted(Connection connection, List<Claimed> claimed, Instant firedAt) throws SQLException {
        List<Alert> alerts = claimed.stream().map(Claimed::alert)
                .filter(a -> a != null && a.kind() != AlertKind.SATISFACTION_CHECK).toList();
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(EMITTED)) {
            insert.setObject(1, OffsetDateTime.ofInstant(firedAt, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("varchar", alerts.stream().map(Alert::source).toArray()));
            insert.setArray(3, connection.createArrayOf("varchar", alerts.stream().map(Alert::ticketId).toArray()));
            insert.setArray(4, connection.createArrayOf("varchar", alerts.stream()
                    .map(a -> a.commitment() == null ? null : a.commitment().commitmentId()).toArray()));
            insert.executeUpdate();
        }
    }

    private void report(List<Claimed> claimed) {
        // each alert on its own line while they are few; a storm gets one line a round (each alert at DEBUG)
        boolean each = claimed.size() <= ALERTS_LOGGED_ONE_BY_ONE;
        Map<AlertKind, Integer> kinds = new EnumMap<>(AlertKind.class);
        Duration latest = Duration.ZERO;
        for (Claimed item : claimed) {
            Alert alert = item.alert();
            Duration lag = Duration.between(item.dueAt(), alert.firedAt());
            metrics.published(alert.source(), alert.kind(), lag);
            kinds.merge(alert.kind(), 1, Integer::sum);
            latest = lag.compareTo(latest) > 0 ? lag : latest;
            if (each) {
                LOG.infof("Alert %s published for ticket %s (due %s, %d ms after its time)", alert.alertId(),
                        alert.ticketRef(), item.dueAt(), lag.toMillis());
            } else {
                LOG.debugf("Alert %s published for ticket %s (due %s, %d ms after its time)", alert.alertId(),
                        alert.ticketRef(), item.dueAt(), lag.toMillis());
            }
        }
        if (!each) {
            LOG.infof("Published %d alerts (%s), the latest %d ms after its time", claimed.size(), kinds,
                    latest.toMillis());
        }
    }

    private List<Claimed> claim(Connection connection, Instant now, int batchSize) throws SQLException {
        List<Claimed> claimed = new ArrayList<>(batchSize);
        try (PreparedStatement select = connection.prepareStatement(CLAIM_SQL)) {
            select.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            select.setInt(2, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                // microseconds, as PostgreSQL keeps them: a next step told at firedAt reads back as it was published
                Instant firedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                while (rows.next()) {
                    Instant dueAt = rows.getObject("due_at", OffsetDateTime.class).toInstant();
                    if (DueItemWriter.WITHDRAWAL_KIND.equals(rows.getString("kind"))) {
                        claimed.add(new Claimed(rows.getLong("id"), null,
                                read(rows.getString("withdrawal"), AlertWithdrawal.class), dueAt));
                    } else {
                        claimed.add(new Claimed(rows.getLong("id"), alert(rows, firedAt), null, dueAt));
                    }
                }
            }
        }
        return claimed;
    }

    /** The alert as scheduled, fired now: {@code late} counts from its promise's or target's due time. */
    private Alert alert(ResultSet row, Instant firedAt) throws SQLException {
        Instant subjectDueAt = row.getObject("subject_due_at", OffsetDateTime.class).toInstant();
        TicketRef ticket = new TicketRef(row.getString("source"), row.getString("ticket_id"));
        return new Alert(row.getString("alert_id"), AlertKind.valueOf(row.getString("kind")), row.getInt("level"),
                ticket.ticketId(), ticket.source(), firedAt, subjectDueAt, Duration.between(subjectDueAt, firedAt),
                read(row.getString("ticket_context"), Alert.TicketContext.class),
                read(row.getString("commitment_context"), Alert.CommitmentContext.class),
                read(row.getString("sla_context"), Alert.SlaContext.class),
                read(row.getString("next_step"), Alert.NextStep.class));
    }

    private <T> T read(String value, Class<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending alert's " + type.getSimpleName() + " is not readable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
