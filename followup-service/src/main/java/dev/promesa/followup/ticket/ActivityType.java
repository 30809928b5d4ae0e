package dev.promesa.followup.ticket;

import dev.promesa.followup.commitment.PromiseAction;

/** What a {@link TicketActivity} records. */
public enum ActivityType {
    PROMISE_CONFIRMED, PROMISE_RESCHEDULED, PROMISE_CANCELLED, PROMISE_KEPT,
    /** Promesa emailed somebody about the ticket (notifier's {@code notifier.email-sent.v1}). */
    EMAIL_SENT,
    /**
     * The user, told that a promise is late, was promised news by {@code dueAt}: the next step (an APOLOGY promise,
     * {@code commitmentId}), recorded by the due check when it raised the apology.
     */
    NEXT_STEP_PROMISED,
    /**
     * Somebody opened the "Me encargo" / "I'm on it" link of a staff alert and confirmed: they took the promise (who:
     * {@code recipientRole} and {@code recipient}); {@code dueAt} is when the next escalation now fires, if one was held.
     */
    PROMISE_TAKEN,
    /** The user answered the satisfaction check "Sí, todo funciona" / "Yes, it works". */
    SATISFACTION_CONFIRMED,
    /** The user answered the satisfaction check "No, ha vuelto a fallar" / "No, it failed again": a recurrence. */
    SATISFACTION_FAILED_AGAIN;

    static ActivityType of(PromiseAction.Type action) {
        return switch (action) {
            case CONFIRM -> PROMISE_CONFIRMED;
            case RESCHEDULE -> PROMISE_RESCHEDULED;
            case CANCEL -> PROMISE_CANCELLED;
            case KEEP -> PROMISE_KEPT;
        };
    }
}
