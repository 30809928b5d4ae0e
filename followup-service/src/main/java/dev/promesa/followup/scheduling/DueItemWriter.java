package dev.promesa.followup.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.TicketRef;

/**
 * Writes one transaction's {@link DueItemChanges} on the caller's connection, each kind of statement as one JDBC
 * batch: withdrawals, then new alerts ({@code on conflict (alert_id) do nothing}: a replay changes nothing), then the
 * refreshed ticket contexts. The contexts are stored as the contracts' JSON, so the due check can publish an alert
 * without reading any other table.
 */
@ApplicationScoped
public class DueItemWriter {

    static final String INSERT = """
            insert into due_item (alert_id, source, ticket_id, kind, level, due_at, subject_due_at, commitment_id,
                                  sla_clock_id, percent, ticket_context, commitment_context, sla_context, next_step)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (alert_id) do nothing""";
    /**
     * The kind of a due item that is a withdrawal to publish, not an alert: due at once, no promise or clock column
     * set (so withdrawing a promise's or a clock's pending alerts never deletes it), the withdrawal as JSON.
     */
    public static final String WITHDRAWAL_KIND = "ALERT_WITHDRAWN";
    static final String INSERT_WITHDRAWAL = """
            insert into due_item (alert_id, source, ticket_id, kind, level, due_at, subject_due_at, withdrawal)
            values (?, ?, ?, 'ALERT_WITHDRAWN', 0, ?, ?, ?)
            on conflict (alert_id) do nothing""";
    /** The published alerts of some tickets, as (source, ticket, promise) ({@code alert_emitted_ticket_idx}). */
    private static final String PUBLISHED = """
            select distinct e.source, e.ticket_id, e.commitment_id
            from alert_emitted e join unnest(?::varchar[], ?::varchar[]) as t(source, ticket_id)
                 on e.source = t.source and e.ticket_id = t.ticket_id""";
    private static final String WITHDRAW_COMMITMENT = "delete from due_item where source = ? and commitment_id = ?";
    private static final String WITHDRAW_CLOCK_AFTER = "delete from due_item where sla_clock_id = ? and due_at > ?";
    private static final String WITHDRAW_ONE = "delete from due_item where alert_id = ?";
    private static final String REFRESH_CONTEXT = """
            update due_item set ticket_context = ? where source = ? and ticket_id = ?""";

    private static final String HOLD_ESCALATION = """
            update due_item set due_at = due_at + ? * interval '1 millisecond'
            where source = ? and commitment_id = ? and kind = 'ESCALATED'
            returning due_at""";

    private final ObjectMapper json;

    DueItemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(Connection connection, DueItemChanges changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        // one JSON text per distinct context: a ticket's alerts share theirs (a promise schedules five)
        Map<Object, String> texts = new HashMap<>();
        withdraw(connection, changes);
        insert(connection, changes, texts);
        insertWithdrawals(connection, changes);
        refresh(connection, changes.contexts(), texts);
    }

    /**
     * Somebody took the promise ("I'm on it"): its pending escalations (level 1 to the lead, level 2 to the manager)
     * fire {@code by} later, so the chain keeps its order. Nothing is withdrawn: the promise is still open. An agent's
     * click before the escalation holds the lead's; a lead's click from the escalation holds the manager's.
     *
     * @return when the next escalation now fires, empty when none was pending
     */
    public Optional<Instant> holdEscalation(Connection connection, String source, String commitmentId, Duration by)
            throws SQLException {
        try (PreparedStatement hold = connection.prepareStatement(HOLD_ESCALATION)) {
            hold.setLong(1, by.toMillis());
            hold.setString(2, source);
            hold.setString(3, commitmentId);
            Optional<Instant> next = Optional.empty();
            try (ResultSet rows = hold.executeQuery()) {
                while (rows.next()) {
                    Instant at = rows.getObject("due_at", OffsetDateTime.class).toInstant();
                    if (next.isEmpty() || at.isBefore(next.get())) {
                        next = Optional.of(at);
                    }
                }
            }
            return next;
        }
    }

    private static void withdraw(Connection connection, DueItemChanges changes) throws SQLException {
        try (PreparedStatement byCommitment = connection.prepareStatement(WITHDRAW_COMMITMENT);
                PreparedStatement byClock = connection.prepareStatement(WITHDRAW_CLOCK_AFTER);
                PreparedStatement one = connection.prepareStatement(WITHDRAW_ONE)) {
            int commitments = 0;
            int clocks = 0;
            int ones = 0;
            for (DueItemChanges.Withdrawal withdrawal : changes.withdrawals()) {
                if (withdrawal instanceof DueItemChanges.OfCommitment c) {
                    byCommitment.setString(1, c.source());
                    byCommitment.setString(2, c.commitmentId());
                    byCommitment.addBatch();
                    commitments++;
                } else if (withdrawal instanceof DueItemChanges.OfClockAfter c) {
                    byClock.setLong(1, c.slaClockId());
                    byClock.setObject(2, utc(c.after()));
                    byClock.addBatch();
                    clocks++;
                } else if (withdrawal instanceof DueItemChanges.One o) {
                    one.setString(1, o.alertId());
                    one.addBatch();
                    ones++;
                }
            }
            if (commitments > 0) {
                byCommitment.executeBatch();
            }
            if (clocks > 0) {
                byClock.executeBatch();
            }
            if (ones > 0) {
                one.executeBatch();
            }
        }
    }

    private void insert(Connection connection, DueItemChanges changes, Map<Object, String> texts)
            throws SQLException {
        if (changes.scheduled().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PendingAlert alert : changes.scheduled()) {
                insert.setString(1, alert.alertId());
                insert.setString(2, alert.ticket().source());
                insert.setString(3, alert.ticket().ticketId());
                insert.setString(4, alert.kind().name());
                insert.setInt(5, alert.level());
                insert.setObject(6, utc(alert.dueAt()));
                insert.setObject(7, utc(alert.subjectDueAt()));
                insert.setString(11, text(alert.context(), texts));
                if (alert.subject() instanceof PendingAlert.Promise promise) {
                    insert.setString(8, promise.commitmentId());
                    insert.setNull(9, Types.BIGINT);
                    insert.setNull(10, Types.INTEGER);
                    insert.setString(12, text(promise.commitment(), texts));
                    insert.setNull(13, Types.VARCHAR);
                    insert.setString(14, promise.nextStep() == null ? null : text(promise.nextStep(), texts));
                } else if (alert.subject() instanceof PendingAlert.Clock clock) {
                    insert.setNull(8, Types.VARCHAR);
                    insert.setLong(9, clock.slaClockId());
                    insert.setInt(10, clock.sla().percent());
                    insert.setNull(12, Types.VARCHAR);
                    insert.setString(13, text(clock.sla(), texts));
                    insert.setNull(14, Types.VARCHAR);
                } else {
                    insert.setNull(8, Types.VARCHAR);
                    insert.setNull(9, Types.BIGINT);
                    insert.setNull(10, Types.INTEGER);
                    insert.setNull(12, Types.VARCHAR);
                    insert.setNull(13, Types.VARCHAR);
                    insert.setNull(14, Types.VARCHAR);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Writes the withdrawals whose ticket (and promise) has a published alert in {@code alert_emitted}; the others
     * would be dropped by the due check anyway, so a resolved ticket that never had an alert costs no due item (the
     * ingest resolves thousands). One query for the whole transaction, run after {@link #withdraw}: those deletes wait
     * for a due-check round that holds the same items, so an alert that round publishes is seen here.
     */
    private void insertWithdrawals(Connection connection, DueItemChanges changes) throws SQLException {
        if (changes.withdrawalsToPublish().isEmpty()) {
            return;
        }
        List<AlertWithdrawal> covering = covering(connection, changes.withdrawalsToPublish());
        if (covering.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITHDRAWAL)) {
            for (AlertWithdrawal withdrawal : covering) {
                insert.setString(1, withdrawal.withdrawalId());
                insert.setString(2, withdrawal.source());
                insert.setString(3, withdrawal.ticketId());
                insert.setObject(4, utc(withdrawal.at()));
                insert.setObject(5, utc(withdrawal.at()));
                insert.setString(6, text(withdrawal, new HashMap<>()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<AlertWithdrawal> covering(Connection connection, Collection<AlertWithdrawal> withdrawals)
            throws SQLException {
        Set<List<String>> published = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(PUBLISHED)) {
            select.setArray(1, connection.createArrayOf("varchar",
                    withdrawals.stream().map(AlertWithdrawal::source).toArray()));
            select.setArray(2, connection.createArrayOf("varchar",
                    withdrawals.stream().map(AlertWithdrawal::ticketId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String source = rows.getString(1);
                    String ticket = rows.getString(2);
                    published.add(Arrays.asList(source, ticket, null));
                    published.add(Arrays.asList(source, ticket, rows.getString(3)));
                }
            }
        }
        return withdrawals.stream().filter(w -> published.contains(Arrays.asList(w.source(), w.ticketId(),
                w.commitmentId()))).toList();
    }

    private void refresh(Connection connection, Map<TicketRef, Alert.TicketContext> contexts, Map<Object, String> texts)
            throws SQLException {
        if (contexts.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(REFRESH_CONTEXT)) {
            for (Map.Entry<TicketRef, Alert.TicketContext> entry : contexts.entrySet()) {
                update.setString(1, text(entry.getValue(), texts));
                update.setString(2, entry.getKey().source());
                update.setString(3, entry.getKey().ticketId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private String text(Object context, Map<Object, String> texts) {
        String text = texts.get(context);
        if (text == null) {
            try {
                text = json.writeValueAsString(context);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an alert context cannot be written as JSON: " + e.getMessage(), e);
            }
            texts.put(context, text);
        }
        return text;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
