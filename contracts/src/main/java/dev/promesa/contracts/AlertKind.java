package dev.promesa.contracts;

/** The alert kinds of the contract; names are part of the wire format. */
public enum AlertKind {
    COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, COMMITMENT_OVERDUE_USER,
    /** Level 1 goes to the team lead, level 2 to the manager. */
    ESCALATED, SLA_WARNING, SLA_BREACHED, SATISFACTION_CHECK
}
