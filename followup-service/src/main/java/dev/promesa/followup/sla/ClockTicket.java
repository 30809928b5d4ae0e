package dev.promesa.followup.sla;

import java.time.Instant;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketRef;

/** A ticket as its SLA clocks see it (the ticket implements it): what decides the targets, and the cycle counter. */
public interface ClockTicket {

    TicketRef ref();

    Priority priority();

    String slaPolicy();

    /** When the ticket was first seen: FIRST_RESPONSE and RESOLUTION count from here. */
    Instant createdAt();

    boolean done();

    boolean clocksPaused();

    void clocksPaused(boolean paused);

    /** The number of the next NEXT_UPDATE cycle, taken: the next call gives the one after it. */
    int takeNextUpdateCycle();

    /** The number of the last NEXT_UPDATE cycle started, or -1. */
    int lastNextUpdateCycle();

    /** The context its alerts carry. */
    Alert.TicketContext context();
}
