package dev.promesa.followup.ingest;

import dev.promesa.config.IngestConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.promesa.followup.duecheck.DueItems;
import dev.promesa.followup.ingest.ProcessedEvents.EventKey;
import dev.promesa.followup.ticket.Tickets;

/** Applies events exactly once: their ids and their effects commit in one transaction. */
@ApplicationScoped
public class EventIngestor {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    private final ProcessedEvents processed;
    private final Tickets tickets;
    private final DueItems dueItems;
    private final EntityManager em;
    private final IngestConfig config;

    EventIngestor(ProcessedEvents processed, Tickets tickets, DueItems dueItems, EntityManager em,
            IngestConfig config) {
        this.processed = processed;
        this.tickets = tickets;
        this.dueItems = dueItems;
        this.em = em;
        this.config = config;
    }

    /** @return false if the event had been processed before (a redelivery): nothing changed */
    @Transactional
    public boolean apply(HelpdeskEvent event) {
        if (!processed.markProcessed(keyOf(event))) {
            LOG.debugf("Event %s for ticket %s was processed before; redelivery ignored", event.eventId(),
                    event.ticket());
            return false;
        }
        applyEffects(event);
        dueItems.flush();
        return true;
    }

    /**
     * Applies a poll's events in one transaction, in the given order (the caller keeps each partition's order, so each
     * ticket's). All (source, event id) pairs are recorded with one statement first; an event that was there already
     * (or came earlier in the same list) changes nothing. Any failure rolls back the whole list.
     * <p>
     * Every {@code promesa.ingest.clear-every} applied events the session is flushed and cleared (still inside the
     * transaction), so the auto-flush before each per-ticket query dirty-checks a few events' entities, not the whole
     * poll's. Safe because no entity outlives the event that loaded it: each event looks up its ticket, commitments
     * and clocks again.
     *
     * @return how many events were applied (the rest were redeliveries)
     */
    @Transactional
    public int applyAll(List<HelpdeskEvent> events) {
        List<EventKey> keys = new ArrayList<>(events.size());
        for (HelpdeskEvent event : events) {
            keys.add(keyOf(event));
        }
        Set<EventKey> fresh = processed.markAllProcessed(keys);
        int applied = 0;
        for (HelpdeskEvent event : events) {
            // remove: a second copy of an id in the same list is a redelivery too
            if (fresh.remove(keyOf(event))) {
                applyEffects(event);
                applied++;
                if (config.clearEvery() > 0 && applied % config.clearEvery() == 0) {
                    em.flush();
                    em.clear();
                }
            } else {
                LOG.debugf("Event %s for ticket %s was processed before; redelivery ignored", event.eventId(),
                        event.ticket());
            }
        }
        dueItems.flush();
        return applied;
    }

    private static EventKey keyOf(HelpdeskEvent event) {
        return new EventKey(event.source(), event.eventId());
    }

    private void applyEffects(HelpdeskEvent event) {
        if (event instanceof HelpdeskEvent.Snapshot s) {
            tickets.applySnapshot(s.snapshot(), s.source());
        } else if (event instanceof HelpdeskEvent.InteractionEvent i) {
            tickets.applyInteraction(i.interaction(), i.source());
        }
    }
}
