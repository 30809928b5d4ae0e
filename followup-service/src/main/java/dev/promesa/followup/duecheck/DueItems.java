package dev.promesa.followup.duecheck;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.promesa.contracts.AlertKind;

/**
 * Adds and withdraws pending alerts. Always called inside the transaction that changes the subject, so a kept
 * promise and its withdrawn alerts commit together.
 */
@ApplicationScoped
public class DueItems {

    private final EntityManager em;

    DueItems(EntityManager em) {
        this.em = em;
    }

    /** Schedules an alert; an alert id that is already pending is left as it is (a replay changes nothing). */
    public void schedule(String alertId, String ticketId, AlertKind kind, int level, Instant dueAt,
            String commitmentId, Long slaClockId, Integer percent) {
        em.createNativeQuery("""
                insert into due_item (alert_id, ticket_id, kind, level, due_at, commitment_id, sla_clock_id, percent)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (alert_id) do nothing""")
                .setParameter(1, alertId)
                .setParameter(2, ticketId)
                .setParameter(3, kind.name())
                .setParameter(4, level)
                .setParameter(5, dueAt)
                .setParameter(6, commitmentId)
                .setParameter(7, slaClockId)
                .setParameter(8, percent)
                .executeUpdate();
    }

    /** Withdraws every pending alert of a commitment. */
    public long cancelForCommitment(String commitmentId) {
        return DueItem.delete("commitmentId", commitmentId);
    }

    /**
     * Withdraws an SLA clock's alerts that are not due yet at {@code at}. Those already due stay: a breach that
     * happened before the pause is still a breach, even if the worker had not published it yet.
     */
    public long cancelForClockAfter(long slaClockId, Instant at) {
        return DueItem.delete("slaClockId = ?1 and dueAt > ?2", slaClockId, at);
    }

    public long cancel(String alertId) {
        return DueItem.delete("alertId", alertId);
    }
}
