package dev.promesa.followup.ticket;

import dev.promesa.contracts.TicketRef;

/**
 * The tickets one transaction works on, loaded before its events are applied (ingest's working set); every ticket an
 * event touches is written back, and every new timeline entry inserted.
 */
public interface TicketStore {

    /** The ticket, or null if it has not been seen yet. */
    Ticket find(TicketRef ticket);

    /** A ticket seen for the first time, to be inserted. */
    void added(Ticket ticket);

    /** A new interaction on a ticket's timeline, to be inserted. */
    void recorded(TimelineEntry entry);

    /** A new entry of what Promesa or a person did on a ticket's timeline, to be inserted. */
    void recorded(TicketActivity activity);
}
