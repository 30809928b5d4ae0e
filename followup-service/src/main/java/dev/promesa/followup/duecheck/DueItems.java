package dev.promesa.followup.duecheck;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import dev.promesa.contracts.AlertKind;

/**
 * Adds and withdraws pending alerts. Always called inside the transaction that changes the subject, so a kept
 * promise and its withdrawn alerts commit together.
 * <p>
 * New items are collected per transaction and written with one JDBC batch ({@link #flush}) instead of one round trip
 * each: before any withdrawal (so a withdrawal sees every item scheduled before it, as if written at once), when the
 * ingest calls {@link #flush}, and at the latest just before the transaction commits.
 */
@ApplicationScoped
public class DueItems {

    private static final String INSERT = """
            insert into due_item (alert_id, ticket_id, kind, level, due_at, commitment_id, sla_clock_id, percent)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (alert_id) do nothing""";

    private static final Object PENDING_KEY = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    DueItems(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    private record Pending(String alertId, String ticketId, AlertKind kind, int level, Instant dueAt,
            String commitmentId, Long slaClockId, Integer percent) {
    }

    /** Schedules an alert; an alert id that is already pending is left as it is (a replay changes nothing). */
    public void schedule(String alertId, String ticketId, AlertKind kind, int level, Instant dueAt,
            String commitmentId, Long slaClockId, Integer percent) {
        pending().add(new Pending(alertId, ticketId, kind, level, dueAt, commitmentId, slaClockId, percent));
    }

    /** Withdraws every pending alert of a commitment. */
    public long cancelForCommitment(String commitmentId) {
        flush();
        return DueItem.delete("commitmentId", commitmentId);
    }

    /**
     * Withdraws an SLA clock's alerts that are not due yet at {@code at}. Those already due stay: a breach that
     * happened before the pause is still a breach, even if the worker had not published it yet.
     */
    public long cancelForClockAfter(long slaClockId, Instant at) {
        flush();
        return DueItem.delete("slaClockId = ?1 and dueAt > ?2", slaClockId, at);
    }

    public long cancel(String alertId) {
        flush();
        return DueItem.delete("alertId", alertId);
    }

    /** Writes the items scheduled in this transaction so far, in one JDBC batch. */
    @SuppressWarnings("unchecked")
    public void flush() {
        List<Pending> pending = (List<Pending>) transactions.getResource(PENDING_KEY);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<Pending> rows = new ArrayList<>(pending);
        pending.clear();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending p : rows) {
                    insert.setString(1, p.alertId());
                    insert.setString(2, p.ticketId());
                    insert.setString(3, p.kind().name());
                    insert.setInt(4, p.level());
                    insert.setObject(5, OffsetDateTime.ofInstant(p.dueAt(), ZoneOffset.UTC));
                    insert.setString(6, p.commitmentId());
                    insert.setObject(7, p.slaClockId(), Types.BIGINT);
                    insert.setObject(8, p.percent(), Types.INTEGER);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** This transaction's unwritten items; the first call registers the write before commit. */
    @SuppressWarnings("unchecked")
    private List<Pending> pending() {
        List<Pending> pending = (List<Pending>) transactions.getResource(PENDING_KEY);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(PENDING_KEY, pending);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        flush();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return pending;
    }
}
