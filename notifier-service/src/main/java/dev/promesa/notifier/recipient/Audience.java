package dev.promesa.notifier.recipient;

/** Who an email is written for; it chooses the template and the recipient's language and zone. */
public enum Audience {
    /** The assignee who made the promise or owns the clock. */
    AGENT,
    /** The requester. */
    USER,
    /** The team lead (also stands in for a missing assignee). */
    LEAD,
    /** The team's manager (second escalation level). */
    MANAGER;

    public boolean isStaff() {
        return this != USER;
    }
}
