package dev.promesa.followup.duecheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.Commitments;
import dev.promesa.followup.scheduling.AlertIds;
import dev.promesa.followup.scheduling.DueItemChanges;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.sla.SlaPolicies;
import dev.promesa.followup.sla.SlaPolicy;
import dev.promesa.followup.ticket.ActivityType;

/**
 * Records the next step of the apologies a due-check round is about to publish, in the round's transaction: the
 * APOLOGY promise ({@link Commitments#nextStep}), its alerts, its entry on the ticket's timeline, and the next step on
 * the late promise's pending escalations. So the promise exists exactly when its apology was published: both commit
 * or neither does, and its id is derived from the late promise, so a round published again records nothing twice.
 * <p>
 * Each apology's ticket is row-locked ({@code for no key update skip locked}), as the ingest locks it, so the ingest
 * never changes the ticket while its next step is being recorded: it waits for this round, then loads the new promise
 * (a reply in its next poll keeps it, a resolution settles it). A ticket the ingest holds at this moment is not waited
 * for (the round never waits on a lock, so it cannot deadlock with the ingest, which waits on due items): that
 * ticket's alerts are left for the next round, a few hundred milliseconds later.
 */
@ApplicationScoped
class NextSteps {

    private static final Logger LOG = Logger.getLogger(NextSteps.class);

    private static final String LOCK_TICKETS = """
            select t.source, t.id, t.status, t.priority, t.sla_policy, t.assignee_id from ticket t
            join unnest(?::varchar[], ?::varchar[]) as k(source, id) on t.source = k.source and t.id = k.id
            for no key update of t skip locked""";
    private static final String PRESENT = """
            select t.source, t.id from ticket t
            join unnest(?::varchar[], ?::varchar[]) as k(source, id) on t.source = k.source and t.id = k.id""";
    private static final String EXISTING = """
            select c.source, c.id, c.made_at, c.due_at from commitment c
            join unnest(?::varchar[], ?::varchar[]) as k(source, id) on c.source = k.source and c.id = k.id""";
    private static final String INSERT_COMMITMENT = """
            insert into commitment (source, id, ticket_id, kind, description, promised_to, made_at, made_by_event_id,
                                    agent_id, due_at, revision, state, breached, origin, round)
            values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)
            on conflict (source, id) do nothing""";
    private static final String INSERT_ACTIVITY = """
            insert into ticket_activity (source, id, ticket_id, occurred_at, type, commitment_id, due_at, alert_kind,
                                         reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (source, id) do nothing""";
    /** The late promise's escalations still pending; one another replica is publishing right now is left as it is. */
    private static final String TELL_ESCALATIONS = """
            update due_item set next_step = ?
            where id in (select id from due_item where source = ? and commitment_id = ? and kind = 'ESCALATED'
                         for update skip locked)""";

    private final Commitments commitments;
    private final SlaPolicies policies;
    private final DueItemWriter dueItems;
    private final ObjectMapper json;

    NextSteps(Commitments commitments, SlaPolicies policies, DueItemWriter dueItems, ObjectMapper json) {
        this.commitments = commitments;
        this.policies = policies;
        this.dueItems = dueItems;
        this.json = json;
    }

    /**
     * What was recorded for a round's apologies.
     *
     * @param byAlert the next step each apology names, by the apology's alert id
     * @param byLatePromise the same by the late promise ({@link #key}), for its escalations in the same round
     * @param deferred the tickets the ingest holds now: every alert of theirs waits for the next round
     */
    record Recorded(Map<String, Alert.NextStep> byAlert, Map<String, Alert.NextStep> byLatePromise,
            Set<TicketRef> deferred) {

        static final Recorded NONE = new Recorded(Map.of(), Map.of(), Set.of());
    }

    /** A promise's key within a round: its source and id. */
    static String key(String source, String commitmentId) {
        return source + '\u0000' + commitmentId;
    }

    /** The apologies of a round that name a next step: COMMITMENT_OVERDUE_USER of a round that still apologises. */
    static boolean namesNextStep(Alert alert) {
        return alert.kind() == AlertKind.COMMITMENT_OVERDUE_USER && alert.commitment() != null
                && Commitments.apologisedWithNextStep(alert.commitment());
    }

    /** Records the next step of each apology (all {@link #namesNextStep}), told at {@code toldAt}. */
    Recorded record(Connection connection, List<Alert> apologies, Instant toldAt) throws SQLException {
        if (apologies.isEmpty()) {
            return Recorded.NONE;
        }
        Set<TicketRef> tickets = new LinkedHashSet<>();
        apologies.forEach(a -> tickets.add(a.ticketRef()));
        Map<TicketRef, TicketRow> locked = lock(connection, tickets);
        Set<TicketRef> deferred = new HashSet<>(tickets);
        deferred.removeAll(locked.keySet());
        if (!deferred.isEmpty()) {
            // locked by the ingest, or (never expected) no such ticket: only the former waits
            deferred.retainAll(present(connection, deferred));
        }

        Map<String, Alert> apologyOf = new LinkedHashMap<>();
        Map<String, Commitment> wanted = new LinkedHashMap<>();
        Map<String, SlaPolicy> policyOf = new HashMap<>();
        for (Alert apology : apologies) {
            TicketRow ticket = locked.get(apology.ticketRef());
            if (ticket == null || (ticket.status() != null && ticket.status().isDone())) {
                continue;
            }
            SlaPolicy policy = policies.forTicket(apology.source(), ticket.slaPolicy());
            Commitment next = commitments.nextStep(apology.ticketRef(), apology.commitment(),
                    AlertIds.revisionOf(apology.alertId()), apology.alertId(), ticket.assigneeId(), toldAt,
                    hours(policy, ticket));
            String key = key(next.source, next.id);
            wanted.put(key, next);
            policyOf.put(key, policy);
            apologyOf.put(key, apology);
        }
        Map<String, Alert.NextStep> existing = existing(connection, wanted.values());
        List<Commitment> fresh = wanted.entrySet().stream().filter(e -> !existing.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        insert(connection, fresh, apologyOf, policyOf);

        Map<String, Alert.NextStep> byAlert = new HashMap<>();
        Map<String, Alert.NextStep> byLatePromise = new HashMap<>();
        for (Map.Entry<String, Commitment> entry : wanted.entrySet()) {
            Commitment next = entry.getValue();
            Alert apology = apologyOf.get(entry.getKey());
            Alert.NextStep step = existing.getOrDefault(entry.getKey(),
                    new Alert.NextStep(next.id, next.madeAt, next.dueAt));
            byAlert.put(apology.alertId(), step);
            byLatePromise.put(key(apology.source(), apology.commitment().commitmentId()), step);
        }
        tellEscalations(connection, apologyOf, byAlert);
        if (!deferred.isEmpty()) {
            LOG.debugf("Tickets %s are being changed by the ingest: their alerts wait for the next round", deferred);
        }
        return new Recorded(byAlert, byLatePromise, deferred);
    }

    /** The ticket's working hours for its priority: the SLA policy's calendar, or elapsed time for a 24x7 one. */
    private static BusinessCalendar hours(SlaPolicy policy, TicketRow ticket) {
        return ticket.priority() == null
                ? policy.businessCalendar()
                : policy.target(ticket.priority(), SlaMetric.NEXT_UPDATE).calendar();
    }

    private record TicketRow(TicketStatus status, Priority priority, String slaPolicy, String assigneeId) {
    }

    private static Map<TicketRef, TicketRow> lock(Connection connection, Set<TicketRef> tickets) throws SQLException {
        Map<TicketRef, TicketRow> locked = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK_TICKETS)) {
            select.setArray(1, connection.createArrayOf("varchar", tickets.stream().map(TicketRef::source).toArray()));
            select.setArray(2, connection.createArrayOf("varchar",
                    tickets.stream().map(TicketRef::ticketId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString("status");
                    String priority = rows.getString("priority");
                    locked.put(new TicketRef(rows.getString("source"), rows.getString("id")), new TicketRow(
                            status == null ? null : TicketStatus.valueOf(status),
                            priority == null ? null : Priority.valueOf(priority), rows.getString("sla_policy"),
                            rows.getString("assignee_id")));
                }
            }
        }
        return locked;
    }

    private static Set<TicketRef> present(Connection connection, Set<TicketRef> tickets) throws SQLException {
        Set<TicketRef> present = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(PRESENT)) {
            select.setArray(1, connection.createArrayOf("varchar", tickets.stream().map(TicketRef::source).toArray()));
            select.setArray(2, connection.createArrayOf("varchar",
                    tickets.stream().map(TicketRef::ticketId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    present.add(new TicketRef(rows.getString("source"), rows.getString("id")));
                }
            }
        }
        return present;
    }

    /** Next steps recorded before (an apology published again): the alert names them as they were recorded. */
    private static Map<String, Alert.NextStep> existing(Connection connection, java.util.Collection<Commitment> wanted)
            throws SQLException {
        Map<String, Alert.NextStep> existing = new HashMap<>();
        if (wanted.isEmpty()) {
            return existing;
        }
        try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
            select.setArray(1, connection.createArrayOf("varchar", wanted.stream().map(c -> c.source).toArray()));
            select.setArray(2, connection.createArrayOf("varchar", wanted.stream().map(c -> c.id).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime due = rows.getObject("due_at", OffsetDateTime.class);
                    existing.put(key(rows.getString("source"), rows.getString("id")),
                            new Alert.NextStep(rows.getString("id"),
                                    rows.getObject("made_at", OffsetDateTime.class).toInstant(),
                                    due == null ? null : due.toInstant()));
                }
            }
        }
        return existing;
    }

    private void insert(Connection connection, List<Commitment> fresh, Map<String, Alert> apologyOf,
            Map<String, SlaPolicy> policyOf) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        DueItemChanges changes = new DueItemChanges();
        try (PreparedStatement promise = connection.prepareStatement(INSERT_COMMITMENT);
                PreparedStatement entry = connection.prepareStatement(INSERT_ACTIVITY)) {
            for (Commitment c : fresh) {
                Alert apology = apologyOf.get(key(c.source, c.id));
                promise.setString(1, c.source);
                promise.setString(2, c.id);
                promise.setString(3, c.ticketId);
                promise.setString(4, c.kind.name());
                promise.setString(5, c.promisedTo.name());
                promise.setObject(6, utc(c.madeAt));
                promise.setString(7, c.madeByEventId);
                promise.setString(8, c.agentId);
                promise.setObject(9, utc(c.dueAt));
                promise.setInt(10, c.revision);
                promise.setString(11, c.state.name());
                promise.setString(12, c.origin.name());
                promise.setInt(13, c.round);
                promise.addBatch();

                entry.setString(1, c.source);
                entry.setString(2, "next-step:" + c.id);
                entry.setString(3, c.ticketId);
                entry.setObject(4, utc(c.madeAt));
                entry.setString(5, ActivityType.NEXT_STEP_PROMISED.name());
                entry.setString(6, c.id);
                entry.setObject(7, utc(c.dueAt));
                entry.setString(8, AlertKind.COMMITMENT_OVERDUE_USER.name());
                entry.setString(9, "promise " + apology.commitment().commitmentId() + " is late");
                entry.addBatch();

                commitments.armNextStep(changes, c.ticket(), apology.ticket(),
                        policyOf.get(key(c.source, c.id)).businessCalendar(), c);
                LOG.infof("Ticket %s: the user is told promise %s is late and promised news by %s (promise %s, "
                        + "round %d, owned by %s)", c.ticket(), apology.commitment().commitmentId(), c.dueAt, c.id,
                        c.round, c.agentId);
            }
            promise.executeBatch();
            entry.executeBatch();
        }
        dueItems.write(connection, changes);
    }

    private void tellEscalations(Connection connection, Map<String, Alert> apologyOf,
            Map<String, Alert.NextStep> byAlert) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(TELL_ESCALATIONS)) {
            for (Alert apology : apologyOf.values()) {
                update.setString(1, text(byAlert.get(apology.alertId())));
                update.setString(2, apology.source());
                update.setString(3, apology.commitment().commitmentId());
                update.addBatch();
            }
            if (!apologyOf.isEmpty()) {
                update.executeBatch();
            }
        }
    }

    private String text(Alert.NextStep step) {
        try {
            return json.writeValueAsString(step);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a next step cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
