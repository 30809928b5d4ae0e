package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.persistence.SourceKey;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.ticket.TicketWork;

/**
 * One ticket's working set for work that does not come from Kafka (a person acting on a promise through the API):
 * loaded, locked and written exactly as the ingest does it, so both go through the same rules and the same
 * statements, and never change one ticket at the same time.
 */
public final class WorkingSet {

    private final PollState state;

    private WorkingSet(PollState state) {
        this.state = state;
    }

    /** The ticket (row-locked until the transaction ends), its active promises, clocks, and one named promise. */
    public static WorkingSet ofTicket(Connection connection, TicketRef ticket, String commitmentId)
            throws SQLException {
        return new WorkingSet(PollLoader.load(connection, Set.of(ticket),
                Set.of(new SourceKey(ticket.source(), commitmentId)), new ClockIds(connection)));
    }

    /** The ticket (row-locked until the transaction ends), its active promises and clocks. */
    public static WorkingSet ofTicket(Connection connection, TicketRef ticket) throws SQLException {
        return new WorkingSet(PollLoader.load(connection, Set.of(ticket), Set.of(), new ClockIds(connection)));
    }

    public TicketWork work() {
        return state.work();
    }

    /** A loaded promise of that ticket. */
    public Optional<Commitment> commitment(TicketRef ticket, String commitmentId) {
        return state.find(ticket.source(), commitmentId).filter(c -> c.ticketId.equals(ticket.ticketId()));
    }

    /** Writes what changed, in the transaction of {@code connection}. */
    public void write(Connection connection, DueItemWriter dueItems) throws SQLException {
        new PollWriter(dueItems).write(connection, state);
    }
}
