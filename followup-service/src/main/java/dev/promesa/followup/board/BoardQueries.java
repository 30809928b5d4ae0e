package dev.promesa.followup.board;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.CommitmentConfig;
import dev.promesa.config.SlaConfig;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.commitment.CommitmentRules;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.web.Viewer;

/**
 * What the board's pages read, straight from followup's tables in one query each (no entity loading: the team page of
 * a busy desk reads thousands of rows). Every query is bound to one source; what a viewer may see is decided by the
 * caller with {@link Viewer#sees} or by the query's own scope (their address, a team they may open).
 */
@ApplicationScoped
public class BoardQueries {

    /** More open promises than this on one page are not shown one by one (the counts still say how many). */
    static final int MAX_ROWS = 20_000;

    private static final String PROMISES = """
            select c.id, c.ticket_id, t.subject, t.priority, t.team, t.assignee_email, t.assignee_name, c.kind,
                   c.description, c.promised_to, c.origin, c.quote, c.state, c.made_at, c.due_at
            from ticket t
            join commitment c on c.source = t.source and c.ticket_id = t.id and c.state in ('OPEN', 'SUGGESTED')
            where t.source = ? and t.resolved_at is null and %s
            order by c.due_at nulls last, c.made_at, c.id
            limit %d""";

    private static final String CLOCKS = """
            select s.ticket_id, t.subject, t.assignee_email, t.assignee_name, s.metric, s.due_at
            from ticket t
            join sla_clock s on s.source = t.source and s.ticket_id = t.id and s.state = 'RUNNING'
            where t.source = ? and t.resolved_at is null and %s and s.due_at is not null
              and s.due_at - s.target_ms * ? * interval '1 millisecond' <= ?
            order by s.due_at
            limit 200""";

    private final DataSource dataSource;
    private final CommitmentRules rules;
    private final double warningShare;
    private final Clock clock;

    BoardQueries(DataSource dataSource, CommitmentConfig commitments, SlaConfig sla, Clock clock) {
        this.dataSource = dataSource;
        this.rules = new CommitmentRules(commitments.dueSoonLead(), commitments.userGrace(),
                commitments.escalationDelay());
        this.warningShare = (100 - sla.warningPercent()) / 100.0;
        this.clock = clock;
    }

    /** An open or suggested promise as read, before it is put in the viewer's words. */
    public record PromiseRow(String commitmentId, String ticketId, String subject, String priority, String team,
            String assigneeEmail, String assigneeName, CommitmentKind kind, String description, PromisedTo promisedTo,
            CommitmentOrigin origin, String quote, boolean suggested, Instant madeAt, Instant dueAt,
            PromiseStatus status) {

        /** Who the promise is on: the assignee's address, lower-cased; empty when the ticket is unassigned. */
        public String agentKey() {
            return assigneeEmail == null ? "" : assigneeEmail.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An SLA clock running towards its target, past the warning share of it. */
    public record ClockRow(String ticketId, String subject, String assigneeEmail, String assigneeName, String metric,
            Instant dueAt, boolean breached) {
    }

    /** The open and suggested promises of the viewer's own open tickets, due soonest first. */
    public List<PromiseRow> mine(Viewer viewer, Instant now) {
        return promises("lower(t.assignee_email) = ?", viewer.source(), viewer.email(), now);
    }

    /** The open and suggested promises of one team's open tickets, due soonest first. */
    public List<PromiseRow> team(String source, String team, Instant now) {
        return promises("t.team = ?", source, team, now);
    }

    public List<ClockRow> myClocks(Viewer viewer, Instant now) {
        return clocks("lower(t.assignee_email) = ?", viewer.source(), viewer.email(), now);
    }

    public List<ClockRow> teamClocks(String source, String team, Instant now) {
        return clocks("t.team = ?", source, team, now);
    }

    /** The teams of a source's tickets, for an operator's team list. */
    public List<String> teams(String source) {
        List<String> teams = new ArrayList<>();
        query("select distinct team from ticket where source = ? and team is not null order by team", statement -> {
            statement.setString(1, source);
        }, rows -> teams.add(rows.getString(1)));
        return teams;
    }

    public Instant now() {
        return clock.instant();
    }

    private List<PromiseRow> promises(String scope, String source, String key, Instant now) {
        List<PromiseRow> rows = new ArrayList<>();
        query(PROMISES.formatted(scope, MAX_ROWS), statement -> {
            statement.setString(1, source);
            statement.setString(2, key);
        }, r -> {
            boolean suggested = "SUGGESTED".equals(r.getString(13));
            Instant madeAt = instant(r, 14);
            Instant dueAt = instant(r, 15);
            Instant dueSoonAt = dueAt == null ? null : rules.firstAlertAt(madeAt, dueAt);
            rows.add(new PromiseRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), CommitmentKind.valueOf(r.getString(8)), r.getString(9),
                    PromisedTo.valueOf(r.getString(10)), CommitmentOrigin.valueOf(r.getString(11)), r.getString(12),
                    suggested, madeAt, dueAt, PromiseStatus.of(suggested, dueAt, dueSoonAt, now)));
        });
        return rows;
    }

    private List<ClockRow> clocks(String scope, String source, String key, Instant now) {
        List<ClockRow> rows = new ArrayList<>();
        query(CLOCKS.formatted(scope), statement -> {
            statement.setString(1, source);
            statement.setString(2, key);
            statement.setDouble(3, warningShare);
            statement.setTimestamp(4, Timestamp.from(now));
        }, r -> {
            Instant dueAt = instant(r, 6);
            rows.add(new ClockRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    dueAt, now.isAfter(dueAt)));
        });
        return rows;
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            binder.bind(statement);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The board could not read followup's database: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The ticket's assignee and team, to decide whether a viewer sees it; empty when the source has no such ticket. */
    public Optional<TicketScope> ticketScope(String source, String ticketId) {
        List<TicketScope> found = new ArrayList<>(1);
        query("select assignee_email, team from ticket where source = ? and id = ?", statement -> {
            statement.setString(1, source);
            statement.setString(2, ticketId);
        }, r -> found.add(new TicketScope(r.getString(1), r.getString(2))));
        return found.stream().findFirst();
    }

    /** An alert Promesa has scheduled for a ticket and not fired yet. */
    public record DueItem(String kind, int level, Instant dueAt) {
    }

    /** The ticket's pending alerts, soonest first (withdrawal notices, which nobody reads, left out). */
    public List<DueItem> dueItems(String source, String ticketId) {
        List<DueItem> items = new ArrayList<>();
        query("select kind, level, due_at from due_item where source = ? and ticket_id = ? and kind <> ?"
                + " order by due_at limit 50", statement -> {
                    statement.setString(1, source);
                    statement.setString(2, ticketId);
                    statement.setString(3, DueItemWriter.WITHDRAWAL_KIND);
                }, r -> items.add(new DueItem(r.getString(1), r.getInt(2), instant(r, 3))));
        return items;
    }

    public record TicketScope(String assigneeEmail, String team) {
        public boolean visibleTo(Viewer viewer) {
            return viewer.sees(assigneeEmail, team);
        }
    }
}
