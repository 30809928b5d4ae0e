package dev.promesa.followup.ticket;

import dev.promesa.followup.commitment.CommitmentStore;
import dev.promesa.followup.scheduling.DueItems;
import dev.promesa.followup.sla.ClockStore;

/** The working set of one transaction, as the ticket rules use it; the ingest loads it and writes what changed. */
public record TicketWork(TicketStore tickets, CommitmentStore commitments, ClockStore clocks, DueItems due) {
}
