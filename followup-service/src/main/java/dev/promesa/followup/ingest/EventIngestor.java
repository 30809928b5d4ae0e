package dev.promesa.followup.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.promesa.followup.ticket.Tickets;

/** Applies one event exactly once: its id and its effects commit in one transaction. */
@ApplicationScoped
public class EventIngestor {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    private final ProcessedEvents processed;
    private final Tickets tickets;

    EventIngestor(ProcessedEvents processed, Tickets tickets) {
        this.processed = processed;
        this.tickets = tickets;
    }

    /** @return false if the event had been processed before (a redelivery): nothing changed */
    @Transactional
    public boolean apply(HelpdeskEvent event) {
        if (!processed.markProcessed(event.eventId())) {
            LOG.debugf("Event %s for ticket %s was processed before; redelivery ignored", event.eventId(),
                    event.ticketId());
            return false;
        }
        if (event instanceof HelpdeskEvent.Snapshot s) {
            tickets.applySnapshot(s.snapshot(), s.source());
        } else if (event instanceof HelpdeskEvent.InteractionEvent i) {
            tickets.applyInteraction(i.interaction(), i.source());
        }
        return true;
    }
}
