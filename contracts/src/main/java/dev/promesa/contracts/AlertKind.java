package dev.promesa.contracts;

/** The alert kinds of the contract; names are part of the wire format. */
public enum AlertKind {
    COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, COMMITMENT_OVERDUE_USER,
    /** Level 1 goes to the team lead, level 2 to the manager. */
    ESCALATED, SLA_WARNING, SLA_BREACHED, SATISFACTION_CHECK,
    /**
     * The user answered the satisfaction check "No, ha vuelto a fallar" / "No, it failed again" (followup's signed link
     * page): the problem came back. Counted as a recurrence on the ticket; goes to the agent (the lead without one).
     * Not one of DESIGN.md's kinds: added so that the agent hears of it through the normal alert path.
     */
    RECURRENCE_REPORTED
}
