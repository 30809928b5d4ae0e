package dev.promesa.contracts;

import java.time.Instant;

/**
 * A promise was kept or settled, or its ticket resolved: the emails about it that have not reached the mail server yet
 * are stale. Published by followup on {@link Topics#ALERTS} (ce_type {@link CloudEvents#TYPE_ALERT_WITHDRAWN}), keyed
 * like the ticket's alerts ({@link TicketRef#recordKey()}), so it is read after every alert it withdraws. notifier
 * marks every matching notification that is not yet sent {@code WITHDRAWN}, with the reason, and sends it no more;
 * what the mail server already accepted stays sent. Published at least once: applying it twice changes nothing.
 *
 * @param withdrawalId deterministic per (source, ticket, promise, reason, at)
 * @param source the help desk of the ticket
 * @param ticketId the ticket, as the help desk names it
 * @param commitmentId the promise whose alerts are withdrawn; null for every alert of the ticket but
 *        {@link AlertKind#SATISFACTION_CHECK} (the ticket was resolved or closed)
 * @param reason why
 * @param at when it happened in followup: alerts fired after it are not withdrawn (a re-armed promise's new alerts)
 */
public record AlertWithdrawal(
        String withdrawalId,
        String source,
        String ticketId,
        String commitmentId,
        Reason reason,
        Instant at) {

    public enum Reason {
        /** The promise was kept (a public reply, a call, a fulfilment, or marked kept). */
        KEPT,
        /** The promise was settled by its ticket being resolved or closed. */
        SETTLED,
        /** The promise was cancelled. */
        CANCELLED,
        /** The promise was rescheduled: its old due alerts are stale, the new ones come on their own. */
        RESCHEDULED,
        /** The ticket was resolved or closed: every pending alert about it but the satisfaction check. */
        RESOLVED
    }
}
