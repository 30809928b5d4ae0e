package dev.promesa.contracts;

public enum TicketStatus {
    NEW, OPEN, WAITING_ON_USER, WAITING_ON_THIRD_PARTY, RESOLVED, CLOSED;

    /** Resolved or closed: clocks stop and open commitments are settled. */
    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}
