package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.sla.SlaClock;
import dev.promesa.followup.ticket.PersonColumns;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.followup.ticket.TicketActivity;
import dev.promesa.followup.ticket.TimelineEntry;

/**
 * Writes what a poll's rules changed, each table as one JDBC batch (pgjdbc sends a batch in one round trip;
 * {@code reWriteBatchedInserts} turns inserts into multi-row statements), in the order the foreign keys need: tickets,
 * timeline, activities, promises, clocks, then the pending alerts.
 */
final class PollWriter {

    private static final String UPSERT_TICKET = """
            insert into ticket (source, id, subject, priority, status, channel, requester_id, requester_name,
                                requester_email, requester_locale, requester_time_zone, assignee_id, assignee_name,
                                assignee_email, assignee_locale, assignee_time_zone, team, sla_policy, placeholder,
                                created_at, last_snapshot_at, resolved_at, recurrences, clocks_paused, updated_at,
                                clocks_started, next_update_cycle, first_response_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (source, id) do update set
                subject = excluded.subject, priority = excluded.priority, status = excluded.status,
                channel = excluded.channel, requester_id = excluded.requester_id,
                requester_name = excluded.requester_name, requester_email = excluded.requester_email,
                requester_locale = excluded.requester_locale, requester_time_zone = excluded.requester_time_zone,
                assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
                assignee_email = excluded.assignee_email, assignee_locale = excluded.assignee_locale,
                assignee_time_zone = excluded.assignee_time_zone, team = excluded.team,
                sla_policy = excluded.sla_policy, placeholder = excluded.placeholder,
                created_at = excluded.created_at, last_snapshot_at = excluded.last_snapshot_at,
                resolved_at = excluded.resolved_at, recurrences = excluded.recurrences,
                clocks_paused = excluded.clocks_paused, updated_at = excluded.updated_at,
                clocks_started = excluded.clocks_started, next_update_cycle = excluded.next_update_cycle,
                first_response_at = excluded.first_response_at""";

    private static final String INSERT_INTERACTION = """
            insert into interaction (source, event_id, ticket_id, occurred_at, kind, channel, author_id, author_role,
                                     visibility, body, commitment_id, fulfils)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPSERT_COMMITMENT = """
            insert into commitment (source, id, ticket_id, kind, description, promised_to, made_at, made_by_event_id,
                                    agent_id, agent_words, due_at, revision, state, breached, closed_at,
                                    closed_by_event_id, origin, quote, confidence, round)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (source, id) do update set
                ticket_id = excluded.ticket_id, kind = excluded.kind, description = excluded.description,
                promised_to = excluded.promised_to, made_at = excluded.made_at,
                made_by_event_id = excluded.made_by_event_id, agent_id = excluded.agent_id,
                agent_words = excluded.agent_words, due_at = excluded.due_at, revision = excluded.revision,
                state = excluded.state, breached = excluded.breached, closed_at = excluded.closed_at,
                closed_by_event_id = excluded.closed_by_event_id, origin = excluded.origin, quote = excluded.quote,
                confidence = excluded.confidence, round = excluded.round""";

    private static final String INSERT_ACTIVITY = """
            insert into ticket_activity (source, id, ticket_id, occurred_at, type, actor_id, commitment_id, due_at,
                                         reason, recipient_role, recipient, alert_kind, subject)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPSERT_CLOCK = """
            insert into sla_clock (id, source, ticket_id, metric, cycle, policy, hours, target_ms, state, started_at,
                                   consumed_ms, segment_started_at, due_at, stopped_at, outcome, decided_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set
                policy = excluded.policy, hours = excluded.hours, target_ms = excluded.target_ms,
                state = excluded.state, consumed_ms = excluded.consumed_ms,
                segment_started_at = excluded.segment_started_at, due_at = excluded.due_at,
                stopped_at = excluded.stopped_at, outcome = excluded.outcome, decided_at = excluded.decided_at""";

    private final DueItemWriter dueItems;

    PollWriter(DueItemWriter dueItems) {
        this.dueItems = dueItems;
    }

    void write(Connection connection, PollState state) throws SQLException {
        tickets(connection, state.touchedTickets());
        timeline(connection, state);
        activities(connection, state.activities());
        commitments(connection, state.changedCommitments());
        clocks(connection, state.changedClocks());
        dueItems.write(connection, state.due());
    }

    private static void tickets(Connection connection, Collection<Ticket> tickets) throws SQLException {
        if (tickets.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_TICKET)) {
            for (Ticket t : tickets) {
                Row row = new Row(upsert);
                row.text(t.source).text(t.id).text(t.subject).name(t.priority).name(t.status).name(t.channel);
                person(row, t.requester);
                person(row, t.assignee);
                row.text(t.team).text(t.slaPolicy).bool(t.placeholder).time(t.createdAt).time(t.lastSnapshotAt)
                        .time(t.resolvedAt).integer(t.recurrences).bool(t.clocksPaused).time(t.updatedAt)
                        .bool(t.clocksStarted).integer(t.nextUpdateCycle).time(t.firstResponseAt);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void person(Row row, PersonColumns p) throws SQLException {
        if (p == null) {
            row.text(null).text(null).text(null).text(null).text(null);
        } else {
            row.text(p.id).text(p.name).text(p.email).text(p.locale).text(p.timeZone);
        }
    }

    private static void timeline(Connection connection, PollState state) throws SQLException {
        if (state.timeline().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_INTERACTION)) {
            for (TimelineEntry e : state.timeline()) {
                new Row(insert).text(e.source).text(e.eventId).text(e.ticketId).time(e.occurredAt).name(e.kind)
                        .name(e.channel).text(e.authorId).name(e.authorRole).name(e.visibility).text(e.body)
                        .text(e.commitmentId).text(e.fulfils);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void activities(Connection connection, Collection<TicketActivity> activities) throws SQLException {
        if (activities.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACTIVITY)) {
            for (TicketActivity a : activities) {
                new Row(insert).text(a.source).text(a.id).text(a.ticketId).time(a.occurredAt).name(a.type)
                        .text(a.actorId).text(a.commitmentId).time(a.dueAt).text(a.reason).name(a.recipientRole)
                        .text(a.recipient).name(a.alertKind).text(a.subject);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void commitments(Connection connection, Collection<Commitment> commitments) throws SQLException {
        if (commitments.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_COMMITMENT)) {
            for (Commitment c : commitments) {
                new Row(upsert).text(c.source).text(c.id).text(c.ticketId).name(c.kind).text(c.description)
                        .name(c.promisedTo).time(c.madeAt).text(c.madeByEventId).text(c.agentId).text(c.agentWords)
                        .time(c.dueAt).integer(c.revision).name(c.state).bool(c.breached).time(c.closedAt)
                        .text(c.closedByEventId).name(c.origin).text(c.quote);
                if (c.confidence == null) {
                    upsert.setNull(19, Types.REAL);
                } else {
                    upsert.setFloat(19, c.confidence.floatValue());
                }
                upsert.setInt(20, c.round);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void clocks(Connection connection, Collection<SlaClock> clocks) throws SQLException {
        if (clocks.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CLOCK)) {
            for (SlaClock c : clocks) {
                Row row = new Row(upsert);
                upsert.setLong(row.next(), c.id);
                row.text(c.source).text(c.ticketId).name(c.metric).integer(c.cycle).text(c.policy).text(c.hours);
                upsert.setLong(row.next(), c.targetMs);
                row.name(c.state).time(c.startedAt);
                upsert.setLong(row.next(), c.consumedMs);
                row.time(c.segmentStartedAt).time(c.dueAt).time(c.stoppedAt).name(c.outcome).time(c.decidedAt);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Sets a statement's parameters in order, nulls typed. */
    private static final class Row {
        private final PreparedStatement statement;
        private int index;

        Row(PreparedStatement statement) {
            this.statement = statement;
        }

        int next() {
            return ++index;
        }

        Row text(String value) throws SQLException {
            statement.setString(next(), value);
            return this;
        }

        Row name(Enum<?> value) throws SQLException {
            statement.setString(next(), value == null ? null : value.name());
            return this;
        }

        Row bool(boolean value) throws SQLException {
            statement.setBoolean(next(), value);
            return this;
        }

        Row integer(int value) throws SQLException {
            statement.setInt(next(), value);
            return this;
        }

        Row time(Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(next(), Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(next(), OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return this;
        }
    }
}
