package dev.promesa.followup.sla;

public enum ClockState {
    RUNNING,
    /** The ticket waits on the user: consumed time is frozen. */
    PAUSED,
    /** Met: the response came or the ticket was resolved. */
    MET,
    /** The ticket was resolved or closed before this clock's event happened (e.g. no first response needed). */
    STOPPED
}
