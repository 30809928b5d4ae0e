package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.followup.commitment.CommitmentIdTaken;
import dev.promesa.followup.ingest.ProcessedEvents.EventKey;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.ticket.TicketWork;
import dev.promesa.followup.ticket.Tickets;

/**
 * Applies events exactly once: their ids and their effects commit in one transaction. Set-based: a poll's events are
 * recorded with one statement, their working set loaded with one query per table ({@link PollLoader}), the rules
 * applied in memory in the poll's order (each ticket's events in the order intake accepted them), and the changes
 * written with one JDBC batch per table ({@link PollWriter}). About ten statements per poll, whatever its size.
 */
@ApplicationScoped
public class EventIngestor {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);

    private final ProcessedEvents processed;
    private final Tickets tickets;
    private final DataSource dataSource;
    private final PollWriter writer;
    private final IngestProgress progress = new IngestProgress();

    EventIngestor(ProcessedEvents processed, Tickets tickets, DataSource dataSource, DueItemWriter dueItems) {
        this.processed = processed;
        this.tickets = tickets;
        this.dataSource = dataSource;
        this.writer = new PollWriter(dueItems);
    }

    /** @return false if the event had been processed before (a redelivery): nothing changed */
    public boolean apply(HelpdeskEvent event) {
        return applyAll(List.of(event)) == 1;
    }

    /**
     * Applies a poll's events in one transaction, in the given order (the caller keeps each partition's order, so each
     * ticket's). All (source, event id) pairs are recorded with one statement first; an event that was there already
     * (or came earlier in the same list) changes nothing. Any failure rolls back the whole list: a database failure
     * comes out with its {@link SQLException} as the cause, an event the rules refuse as an
     * {@link InvalidEventException}.
     *
     * @return how many events were applied (the rest were redeliveries)
     */
    public int applyAll(List<HelpdeskEvent> events) {
        IngestProgress.Phases phases = new IngestProgress.Phases();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int applied = applyAll(connection, events, phases);
                connection.commit();
                phases.mark();
                progress.committed(applied, events.size() - applied, phases);
                return applied;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + events.size() + " event(s): " + e.getMessage(), e);
        }
    }

    private int applyAll(Connection connection, List<HelpdeskEvent> events, IngestProgress.Phases phases)
            throws SQLException {
        List<EventKey> keys = new ArrayList<>(events.size());
        for (HelpdeskEvent event : events) {
            keys.add(new EventKey(event.source(), event.eventId()));
        }
        Set<EventKey> fresh = processed.markAllProcessed(connection, keys);
        phases.mark();
        List<HelpdeskEvent> toApply = new ArrayList<>(fresh.size());
        for (HelpdeskEvent event : events) {
            // remove: a second copy of an event in the same list is a redelivery too
            if (fresh.remove(new EventKey(event.source(), event.eventId()))) {
                toApply.add(event);
            } else {
                LOG.debugf("Event %s for ticket %s was processed before; redelivery ignored", event.eventId(),
                        event.ticket());
            }
        }
        if (toApply.isEmpty()) {
            return 0;
        }
        PollState state = PollLoader.load(connection, toApply, new ClockIds(connection));
        phases.mark();
        TicketWork work = state.work();
        for (HelpdeskEvent event : toApply) {
            try {
                if (event instanceof HelpdeskEvent.Snapshot s) {
                    tickets.applySnapshot(work, s.snapshot(), s.source());
                } else if (event instanceof HelpdeskEvent.InteractionEvent i) {
                    tickets.applyInteraction(work, i.interaction(), i.source());
                } else if (event instanceof HelpdeskEvent.EmailSentEvent e
                        && !tickets.recordEmail(work, e.email(), e.source())) {
                    throw new InvalidEventException("email " + event.eventId() + " was sent about ticket "
                            + event.ticket() + ", which followup has never received: nothing to put it on");
                }
            } catch (CommitmentIdTaken e) {
                throw new InvalidEventException("event " + event.eventId() + " for ticket " + event.ticket() + ": "
                        + e.getMessage(), e);
            }
        }
        phases.mark();
        writer.write(connection, state);
        phases.mark();
        return toApply.size();
    }
}
