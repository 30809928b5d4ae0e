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
            insert into due_item (alert_id, source, ticket_id, kind, level, due_at, commitment_id, sla_clock_id,
                                  percent)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (alert_id) do nothing""";

    private static final Object PENDING_KEY = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    DueItems(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Schedules an alert; an alert id that is already pending is left as it is (a replay changes nothing). */
    public void schedule(PendingAlert alert) {
        pending().add(alert);
    }

    /** Withdraws every pending alert of a commitment. */
    public long cancelForCommitment(String source, String commitmentId) {
        flush();
        return DueItem.delete("source = ?1 and commitmentId = ?2", source, commitmentId);
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
        List<PendingAlert> pending = (List<PendingAlert>) transactions.getResource(PENDING_KEY);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<PendingAlert> rows = new ArrayList<>(pending);
        pending.clear();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (PendingAlert p : rows) {
                    insert.setString(1, p.alertId());
                    insert.setString(2, p.ticket().source());
                    insert.setString(3, p.ticket().ticketId());
                    insert.setString(4, p.kind().name());
                    insert.setInt(5, p.level());
                    insert.setObject(6, OffsetDateTime.ofInstant(p.dueAt(), ZoneOffset.UTC));
                    insert.setString(7, p.subject() instanceof PendingAlert.Promise promise
                            ? promise.commitmentId()
                            : null);
                    if (p.subject() instanceof PendingAlert.Clock clock) {
                        insert.setLong(8, clock.slaClockId());
                        insert.setInt(9, clock.percent());
                    } else {
                        insert.setNull(8, Types.BIGINT);
                        insert.setNull(9, Types.INTEGER);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** This transaction's unwritten items; the first call registers the write before commit. */
    @SuppressWarnings("unchecked")
    private List<PendingAlert> pending() {
        List<PendingAlert> pending = (List<PendingAlert>) transactions.getResource(PENDING_KEY);
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
