package dev.promesa.followup.board;

import java.time.Instant;

/**
 * How a promise stands on the board, most urgent first: {@code OVERDUE} (past its due time, still open), {@code DUE_SOON}
 * (its due-soon alert time has come: the same moment the agent's "due soon" email goes), {@code ON_TIME}, and
 * {@code SUGGESTED} (recognised in the agent's words, waiting for a person to confirm it; vague ones have no due
 * time). The CSS class of a row is {@link #css()}.
 */
public enum PromiseStatus {
    OVERDUE, DUE_SOON, ON_TIME, SUGGESTED;

    /**
     * @param suggested  the promise waits for confirmation
     * @param dueAt      null for a vague suggestion
     * @param dueSoonAt  when its due-soon alert fires (see {@code CommitmentRules.firstAlertAt}); null with dueAt
     */
    public static PromiseStatus of(boolean suggested, Instant dueAt, Instant dueSoonAt, Instant now) {
        if (suggested) {
            return SUGGESTED;
        }
        if (dueAt != null && now.isAfter(dueAt)) {
            return OVERDUE;
        }
        if (dueSoonAt != null && !now.isBefore(dueSoonAt)) {
            return DUE_SOON;
        }
        return ON_TIME;
    }

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
