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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.TicketRef;

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
                   commitment_context, sla_context
            from due_item
            where due_at <= ?
            order by due_at
            limit ?
            for update skip locked""";
    private static final String DELETE = "delete from due_item where id = any(?)";
    private static final int ALERTS_LOGGED_ONE_BY_ONE = 5;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AlertPublisher publisher;
    private final DueCheckMetrics metrics;
    private final Clock clock;

    DueItemClaimer(DataSource dataSource, ObjectMapper json, AlertPublisher publisher, DueCheckMetrics metrics,
            Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One claimed item: its row id, its alert, and when it was due to fire. */
    private record Claimed(long id, Alert alert, Instant dueAt) {
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
        List<Claimed> claimed = claim(connection, now, batchSize);
        if (claimed.isEmpty()) {
            return 0;
        }
        publisher.publishAll(claimed.stream().map(Claimed::alert).toList());
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array ids = connection.createArrayOf("bigint", claimed.stream().map(Claimed::id).toArray());
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
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
        return claimed.size();
    }

    private List<Claimed> claim(Connection connection, Instant now, int batchSize) throws SQLException {
        List<Claimed> claimed = new ArrayList<>(batchSize);
        try (PreparedStatement select = connection.prepareStatement(CLAIM_SQL)) {
            select.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            select.setInt(2, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                Instant firedAt = clock.instant();
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong("id"), alert(rows, firedAt),
                            rows.getObject("due_at", OffsetDateTime.class).toInstant()));
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
                read(row.getString("sla_context"), Alert.SlaContext.class), null);
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
