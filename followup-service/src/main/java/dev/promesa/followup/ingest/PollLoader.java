package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentState;
import dev.promesa.followup.commitment.Commitments;
import dev.promesa.followup.persistence.SourceKey;
import dev.promesa.followup.sla.ClockState;
import dev.promesa.followup.sla.Outcome;
import dev.promesa.followup.sla.SlaClock;
import dev.promesa.followup.ticket.PersonColumns;
import dev.promesa.followup.ticket.Ticket;

/**
 * Loads a poll's working set with three queries, whatever the number of events: the tickets its events name (locked
 * for the transaction), the promises (open and suggested ones of those tickets, and every one an event names by id), and the clocks the rules may touch
 * (running and paused ones, each ticket's RESOLUTION clock and its last NEXT_UPDATE cycle). Keys travel as two
 * arrays ({@code unnest(sources, ids)}), so each query is one round trip and one plan.
 */
final class PollLoader {

    /**
     * The row lock keeps the ingest and the promise actions of the API from changing one ticket at once: each loads,
     * changes in memory and writes back, so the second waits for the first to commit and then loads what it wrote.
     * {@code no key update} does not block the inserts of rows that reference the ticket.
     */
    private static final String TICKETS = """
            select t.* from ticket t
            join unnest(?::varchar[], ?::varchar[]) as k(source, id) on t.source = k.source and t.id = k.id
            for no key update of t""";

    private static final String COMMITMENTS = """
            select c.* from commitment c
            join unnest(?::varchar[], ?::varchar[]) as k(source, ticket_id)
              on c.source = k.source and c.ticket_id = k.ticket_id
            where c.state in ('OPEN', 'SUGGESTED')
            union
            select c.* from commitment c
            join unnest(?::varchar[], ?::varchar[]) as n(source, id) on c.source = n.source and c.id = n.id""";

    private static final String CLOCKS = """
            select c.* from sla_clock c
            join unnest(?::varchar[], ?::varchar[]) as k(source, ticket_id)
              on c.source = k.source and c.ticket_id = k.ticket_id
            join ticket t on t.source = c.source and t.id = c.ticket_id
            where c.state in ('RUNNING', 'PAUSED')
               or (c.metric = 'RESOLUTION' and c.cycle = 0)
               or (c.metric = 'NEXT_UPDATE' and c.cycle = t.next_update_cycle - 1)""";

    private PollLoader() {
    }

    static PollState load(Connection connection, List<HelpdeskEvent> events, ClockIds clockIds) throws SQLException {
        Set<TicketRef> tickets = new LinkedHashSet<>();
        Set<SourceKey> named = new LinkedHashSet<>();
        for (HelpdeskEvent event : events) {
            tickets.add(event.ticket());
            if (event instanceof HelpdeskEvent.InteractionEvent i) {
                if (i.interaction().commitment() != null) {
                    named.add(new SourceKey(event.source(),
                            Commitments.idOf(i.interaction().commitment(), i.interaction())));
                }
                i.interaction().fulfils().forEach(id -> named.add(new SourceKey(event.source(), id)));
            }
        }
        return load(connection, tickets, named, clockIds);
    }

    /** The working set of these tickets, with these promises (by source and id) whatever their state. */
    static PollState load(Connection connection, Set<TicketRef> tickets, Set<SourceKey> named, ClockIds clockIds)
            throws SQLException {
        PollState state = new PollState(clockIds);
        if (tickets.isEmpty()) {
            return state;
        }
        try (PreparedStatement select = connection.prepareStatement(TICKETS)) {
            keys(connection, select, 1, tickets);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    state.loaded(ticket(rows));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(COMMITMENTS)) {
            keys(connection, select, 1, tickets);
            select.setArray(3, connection.createArrayOf("varchar", named.stream().map(k -> k.source).toArray()));
            select.setArray(4, connection.createArrayOf("varchar", named.stream().map(k -> k.id).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    state.loaded(commitment(rows));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(CLOCKS)) {
            keys(connection, select, 1, tickets);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    state.loaded(clock(rows));
                }
            }
        }
        return state;
    }

    private static void keys(Connection connection, PreparedStatement select, int first, Collection<TicketRef> keys)
            throws SQLException {
        select.setArray(first, connection.createArrayOf("varchar", keys.stream().map(TicketRef::source).toArray()));
        select.setArray(first + 1, connection.createArrayOf("varchar",
                keys.stream().map(TicketRef::ticketId).toArray()));
    }

    private static Ticket ticket(ResultSet r) throws SQLException {
        Ticket t = new Ticket();
        t.source = r.getString("source");
        t.id = r.getString("id");
        t.subject = r.getString("subject");
        t.priority = value(Priority.class, r.getString("priority"));
        t.status = value(TicketStatus.class, r.getString("status"));
        t.channel = value(Channel.class, r.getString("channel"));
        t.requester = person(r, "requester_");
        t.assignee = person(r, "assignee_");
        t.team = r.getString("team");
        t.slaPolicy = r.getString("sla_policy");
        t.placeholder = r.getBoolean("placeholder");
        t.createdAt = instant(r, "created_at");
        t.lastSnapshotAt = instant(r, "last_snapshot_at");
        t.resolvedAt = instant(r, "resolved_at");
        t.recurrences = r.getInt("recurrences");
        t.clocksPaused = r.getBoolean("clocks_paused");
        t.updatedAt = instant(r, "updated_at");
        t.clocksStarted = r.getBoolean("clocks_started");
        t.nextUpdateCycle = r.getInt("next_update_cycle");
        t.firstResponseAt = instant(r, "first_response_at");
        return t;
    }

    private static PersonColumns person(ResultSet r, String prefix) throws SQLException {
        PersonColumns p = new PersonColumns();
        p.id = r.getString(prefix + "id");
        p.name = r.getString(prefix + "name");
        p.email = r.getString(prefix + "email");
        p.locale = r.getString(prefix + "locale");
        p.timeZone = r.getString(prefix + "time_zone");
        return p.id == null && p.name == null && p.email == null ? null : p;
    }

    private static Commitment commitment(ResultSet r) throws SQLException {
        Commitment c = new Commitment();
        c.source = r.getString("source");
        c.id = r.getString("id");
        c.ticketId = r.getString("ticket_id");
        c.kind = value(CommitmentKind.class, r.getString("kind"));
        c.description = r.getString("description");
        c.promisedTo = value(PromisedTo.class, r.getString("promised_to"));
        c.madeAt = instant(r, "made_at");
        c.madeByEventId = r.getString("made_by_event_id");
        c.agentId = r.getString("agent_id");
        c.agentWords = r.getString("agent_words");
        c.origin = value(CommitmentOrigin.class, r.getString("origin"));
        c.quote = r.getString("quote");
        c.round = r.getInt("round");
        double confidence = r.getDouble("confidence");
        c.confidence = r.wasNull() ? null : confidence;
        c.dueAt = instant(r, "due_at");
        c.revision = r.getInt("revision");
        c.state = value(CommitmentState.class, r.getString("state"));
        c.breached = r.getBoolean("breached");
        c.closedAt = instant(r, "closed_at");
        c.closedByEventId = r.getString("closed_by_event_id");
        return c;
    }

    private static SlaClock clock(ResultSet r) throws SQLException {
        SlaClock c = new SlaClock();
        c.id = r.getLong("id");
        c.source = r.getString("source");
        c.ticketId = r.getString("ticket_id");
        c.metric = value(SlaMetric.class, r.getString("metric"));
        c.cycle = r.getInt("cycle");
        c.policy = r.getString("policy");
        c.hours = r.getString("hours");
        c.targetMs = r.getLong("target_ms");
        c.state = value(ClockState.class, r.getString("state"));
        c.startedAt = instant(r, "started_at");
        c.consumedMs = r.getLong("consumed_ms");
        c.segmentStartedAt = instant(r, "segment_started_at");
        c.dueAt = instant(r, "due_at");
        c.stoppedAt = instant(r, "stopped_at");
        c.outcome = value(Outcome.class, r.getString("outcome"));
        c.decidedAt = instant(r, "decided_at");
        return c;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
