package dev.promesa.contracts;

/** Who an email was written for; names are part of the wire format ({@link EmailSent}). */
public enum RecipientRole {
    /** The assignee who made the promise or owns the clock. */
    AGENT,
    /** The requester. */
    USER,
    /** The team lead (also standing in for a missing assignee). */
    LEAD,
    /** The team's manager. */
    MANAGER
}
