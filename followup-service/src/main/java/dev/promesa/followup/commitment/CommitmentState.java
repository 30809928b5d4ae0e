package dev.promesa.followup.commitment;

public enum CommitmentState {
    /** Promised and not kept yet: its due items are pending. */
    OPEN,
    /**
     * Recognised in the agent's words but not tracked yet: a vague one ("en breve"), or any one when the source only
     * suggests. Shown, never alerted, until an agent confirms it; a later public reply keeps it like an open one.
     */
    SUGGESTED,
    /** Kept by a public agent response (UPDATE, CALLBACK), an explicit {@code fulfils}, or an agent saying so. */
    KEPT,
    /** The ticket was resolved or closed while the promise was open. */
    SETTLED,
    /** An agent withdrew it, with a reason. */
    CANCELLED
}
