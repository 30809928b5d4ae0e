package dev.promesa.followup.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.TicketRef;

/**
 * The changes to pending alerts of one transaction, collected in memory and written together by
 * {@link DueItemWriter}: withdrawals first (they only ever concern alerts written before), then the new alerts, then
 * the fresh ticket contexts. An alert scheduled and withdrawn within the same transaction never reaches the database;
 * one scheduled after a withdrawal survives it, as if every call had gone to the database at once.
 */
public final class DueItemChanges implements DueItems {

    /** A withdrawal of alerts written before this transaction. */
    public sealed interface Withdrawal {
    }

    public record OfCommitment(String source, String commitmentId) implements Withdrawal {
    }

    public record OfClockAfter(long slaClockId, Instant after) implements Withdrawal {
    }

    public record One(String alertId) implements Withdrawal {
    }

    private final Map<String, PendingAlert> scheduled = new LinkedHashMap<>();
    private final List<Withdrawal> withdrawals = new ArrayList<>();
    private final Map<TicketRef, Alert.TicketContext> contexts = new LinkedHashMap<>();
    private final Map<String, AlertWithdrawal> published = new LinkedHashMap<>();

    @Override
    public void schedule(PendingAlert alert) {
        scheduled.putIfAbsent(alert.alertId(), alert);
    }

    @Override
    public void cancelForCommitment(String source, String commitmentId) {
        scheduled.values().removeIf(a -> a.ticket().source().equals(source)
                && a.subject() instanceof PendingAlert.Promise p && p.commitmentId().equals(commitmentId));
        withdrawals.add(new OfCommitment(source, commitmentId));
    }

    @Override
    public void cancelForClockAfter(long slaClockId, Instant at) {
        scheduled.values().removeIf(a -> a.subject() instanceof PendingAlert.Clock c && c.slaClockId() == slaClockId
                && a.dueAt().isAfter(at));
        withdrawals.add(new OfClockAfter(slaClockId, at));
    }

    @Override
    public void cancel(String alertId) {
        scheduled.remove(alertId);
        withdrawals.add(new One(alertId));
    }

    @Override
    public void withdrawPublished(AlertWithdrawal withdrawal) {
        published.putIfAbsent(withdrawal.withdrawalId(), withdrawal);
    }

    @Override
    public void ticketChanged(TicketRef ticket, Alert.TicketContext context) {
        scheduled.replaceAll((id, alert) -> alert.ticket().equals(ticket) ? alert.withContext(context) : alert);
        contexts.put(ticket, context);
    }

    public Collection<PendingAlert> scheduled() {
        return scheduled.values();
    }

    public List<Withdrawal> withdrawals() {
        return withdrawals;
    }

    public Map<TicketRef, Alert.TicketContext> contexts() {
        return contexts;
    }

    /** The withdrawals to publish (if their alerts were published), by id. */
    public Collection<AlertWithdrawal> withdrawalsToPublish() {
        return published.values();
    }

    public boolean isEmpty() {
        return scheduled.isEmpty() && withdrawals.isEmpty() && contexts.isEmpty() && published.isEmpty();
    }
}
