package dev.promesa.followup.commitment;

public enum CommitmentState {
    /** Promised and not kept yet: its due items are pending. */
    OPEN,
    /** Kept by a public agent response (UPDATE, CALLBACK) or an explicit {@code fulfils}. */
    KEPT,
    /** The ticket was resolved or closed while the promise was open. */
    SETTLED
}
