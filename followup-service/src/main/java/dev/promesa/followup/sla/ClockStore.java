package dev.promesa.followup.sla;

import java.util.List;
import java.util.Optional;

import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;

/**
 * The SLA clocks one transaction works on, loaded before its events are applied (ingest's working set): the running
 * and paused ones of each ticket, its RESOLUTION clock and its last NEXT_UPDATE cycle.
 */
public interface ClockStore {

    /** The ticket's running and paused clocks. */
    List<SlaClock> activeOf(TicketRef ticket);

    /** One of the ticket's clocks, if loaded: RESOLUTION cycle 0, or the last NEXT_UPDATE cycle. */
    Optional<SlaClock> find(TicketRef ticket, SlaMetric metric, int cycle);

    /** A new clock, to be inserted; this gives it its id. */
    void added(SlaClock clock);

    /** A loaded clock whose fields changed, to be written back. */
    void changed(SlaClock clock);
}
