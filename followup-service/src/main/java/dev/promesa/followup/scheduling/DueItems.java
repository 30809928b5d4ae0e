package dev.promesa.followup.scheduling;

import java.time.Instant;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.TicketRef;

/**
 * Pending alerts, as the rules see them: schedule one, withdraw those of a promise or a clock, keep their ticket
 * context current. Every call belongs to the transaction that changes the subject, so a kept promise and its
 * withdrawn alerts commit together ({@link DueItemChanges} collects them, {@link DueItemWriter} writes them).
 */
public interface DueItems {

    /** Schedules an alert; an alert id that is already pending is left as it is (a replay changes nothing). */
    void schedule(PendingAlert alert);

    /** Withdraws every pending alert of a promise. */
    void cancelForCommitment(String source, String commitmentId);

    /**
     * Withdraws an SLA clock's alerts that are not due yet at {@code at}. Those already due stay: a breach that
     * happened before a pause is still a breach, even if the due check had not published it yet.
     */
    void cancelForClockAfter(long slaClockId, Instant at);

    /** Withdraws one alert. */
    void cancel(String alertId);

    /**
     * Tells the notifier, once this transaction commits, that the alerts already published about a promise (or, with
     * no promise, about the whole ticket) are stale. Written as a due item due at once ({@code ALERT_WITHDRAWN}); the
     * due check publishes it only if at least one such alert was published before {@code withdrawal.at()}, else
     * drops it. Call it only where an alert may have fired: a promise closed before its first alert time never needs
     * one.
     */
    void withdrawPublished(AlertWithdrawal withdrawal);

    /** The ticket changed: its pending alerts carry its context as it is now. */
    void ticketChanged(TicketRef ticket, Alert.TicketContext context);
}
