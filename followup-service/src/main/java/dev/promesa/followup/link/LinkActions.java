package dev.promesa.followup.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.config.CommitmentConfig;
import dev.promesa.contracts.RecipientRole;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentState;
import dev.promesa.followup.ingest.WorkingSet;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.scheduling.PendingAlert;
import dev.promesa.followup.ticket.ActivityType;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.followup.ticket.TicketActivity;
import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;

/**
 * What a confirmed link does, each in one transaction on the ticket's row lock (the same working set and statements as
 * the ingest and the promise actions, so none of them change one ticket at once). Each is recorded once: the timeline
 * entry's id derives from what the token names, so a second click, a replayed POST or a second tab finds it and
 * changes nothing.
 * <ul>
 * <li>Taking a promise ({@link Purpose#ACK}): a {@code PROMISE_TAKEN} entry naming the recipient, once per promise and
 * person. The first person to take a promise holds its pending escalations (the lead's, and the manager's behind it)
 * for one more {@code promesa.commitments.escalation-delay}; nothing is withdrawn, the promise stays open. A promise already kept,
 * settled or cancelled records nothing.</li>
 * <li>Answering a satisfaction check: {@code SATISFACTION_CONFIRMED} or {@code SATISFACTION_FAILED_AGAIN}, once per
 * check (the first answer stands). "Failed again" counts a recurrence on the ticket, if the ticket is still resolved
 * or closed (a ticket the desk already reopened counted its recurrence then), and raises a {@code RECURRENCE_REPORTED}
 * alert for the agent through the due check, like every alert.</li>
 * </ul>
 */
@ApplicationScoped
public class LinkActions {

    private static final Logger LOG = Logger.getLogger(LinkActions.class);
    private static final String TICKET = "select subject from ticket where source = ? and id = ?";
    private static final String PROMISE_STATE = """
            select state from commitment where source = ? and id = ? and ticket_id = ?""";
    private static final String ACTIVITY = "select type from ticket_activity where source = ? and id = ?";
    private static final String TAKEN_BEFORE = """
            select 1 from ticket_activity where source = ? and ticket_id = ? and commitment_id = ? and type = ?
            limit 1""";

    /** What a link finds or did. */
    public enum Result {
        /** The ticket (or the promise) is not in this source: shown as the refused page. */
        NOT_FOUND,
        /** Nothing recorded yet: the page asks to confirm. */
        OPEN,
        /** Recorded now. */
        RECORDED,
        /** Recorded before; nothing changed. */
        ALREADY,
        /** The promise is kept, settled or cancelled: nothing to take. */
        CLOSED
    }

    /**
     * @param subject the ticket's subject, for the page; null when not found
     * @param escalationHeldUntil taking a promise: when its next escalation now fires, if one was held
     * @param earlierWorks an answer recorded before: whether it was "it works"
     */
    public record Outcome(Result result, String subject, Optional<Instant> escalationHeldUntil, boolean earlierWorks) {
        static Outcome of(Result result, String subject) {
            return new Outcome(result, subject, Optional.empty(), false);
        }
    }

    private final DataSource dataSource;
    private final DueItemWriter dueItems;
    private final CommitmentConfig commitments;
    private final Clock clock;

    LinkActions(DataSource dataSource, DueItemWriter dueItems, CommitmentConfig commitments, Clock clock) {
        this.dataSource = dataSource;
        this.dueItems = dueItems;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** How long taking a promise holds its escalation. */
    Duration hold() {
        return commitments.escalationDelay();
    }

    /** What the link finds, reading only: for the page a GET shows. */
    Outcome look(Claims claims) {
        return inTransaction(claims, connection -> {
            Optional<String> subject = subject(connection, claims);
            if (subject.isEmpty()) {
                return Outcome.of(Result.NOT_FOUND, null);
            }
            if (claims.purpose() == Purpose.ACK) {
                Optional<CommitmentState> state = promiseState(connection, claims);
                if (state.isEmpty()) {
                    return Outcome.of(Result.NOT_FOUND, null);
                }
                if (activity(connection, claims.source(), takenId(claims)).isPresent()) {
                    return Outcome.of(Result.ALREADY, subject.get());
                }
                return Outcome.of(state.get() == CommitmentState.OPEN ? Result.OPEN : Result.CLOSED, subject.get());
            }
            Optional<ActivityType> earlier = activity(connection, claims.source(), answerId(claims));
            return earlier.map(type -> new Outcome(Result.ALREADY, subject.get(), Optional.empty(),
                    type == ActivityType.SATISFACTION_CONFIRMED))
                    .orElseGet(() -> Outcome.of(Result.OPEN, subject.get()));
        });
    }

    /** "Me encargo" / "I'm on it", confirmed. */
    Outcome take(Claims claims) {
        return inTransaction(claims, connection -> {
            TicketRef ref = new TicketRef(claims.source(), claims.ticketId());
            WorkingSet set = WorkingSet.ofTicket(connection, ref, claims.subjectId());
            Ticket ticket = set.work().tickets().find(ref);
            Optional<Commitment> promise = set.commitment(ref, claims.subjectId());
            if (ticket == null || promise.isEmpty()) {
                return Outcome.of(Result.NOT_FOUND, null);
            }
            String id = takenId(claims);
            if (activity(connection, claims.source(), id).isPresent()) {
                return Outcome.of(Result.ALREADY, ticket.subject);
            }
            if (promise.get().state != CommitmentState.OPEN) {
                return Outcome.of(Result.CLOSED, ticket.subject);
            }
            boolean first = !takenBefore(connection, claims);
            Instant now = clock.instant();
            Optional<Instant> held = first
                    ? dueItems.holdEscalation(connection, claims.source(), claims.subjectId(), hold())
                    : Optional.empty();
            TicketActivity activity = activity(claims, id, ActivityType.PROMISE_TAKEN, now);
            activity.commitmentId = claims.subjectId();
            activity.dueAt = held.orElse(null);
            set.work().tickets().recorded(activity);
            ticket.updatedAt = now;
            set.write(connection, dueItems);
            LOG.infof("Ticket %s: promise %s taken by its %s from the alert's link%s", ref, claims.subjectId(),
                    role(claims).map(Enum::name).orElse("recipient"),
                    held.map(at -> "; escalation held until " + at).orElse(""));
            return new Outcome(Result.RECORDED, ticket.subject, held, false);
        });
    }

    /**
     * "Me encargo" / "I'm on it" from the board: the same record and the same hold as the email's link, for a person
     * signed in to the board ({@code role} AGENT or LEAD, as the timeline says who took it).
     */
    public Outcome take(TicketRef ticket, String commitmentId, String person, String role, String locale) {
        return take(new Claims(Purpose.ACK, ticket.source(), ticket.ticketId(), commitmentId, person, role, locale,
                clock.instant().plus(Duration.ofMinutes(1))));
    }

    /** "Sí, todo funciona" or "No, ha vuelto a fallar", confirmed. */
    Outcome answer(Claims claims) {
        return inTransaction(claims, connection -> {
            TicketRef ref = new TicketRef(claims.source(), claims.ticketId());
            WorkingSet set = WorkingSet.ofTicket(connection, ref);
            Ticket ticket = set.work().tickets().find(ref);
            if (ticket == null) {
                return Outcome.of(Result.NOT_FOUND, null);
            }
            String id = answerId(claims);
            Optional<ActivityType> earlier = activity(connection, claims.source(), id);
            if (earlier.isPresent()) {
                return new Outcome(Result.ALREADY, ticket.subject, Optional.empty(),
                        earlier.get() == ActivityType.SATISFACTION_CONFIRMED);
            }
            Instant now = clock.instant();
            boolean works = claims.purpose() == Purpose.SATISFACTION_WORKS;
            set.work().tickets().recorded(activity(claims, id,
                    works ? ActivityType.SATISFACTION_CONFIRMED : ActivityType.SATISFACTION_FAILED_AGAIN, now));
            if (!works) {
                if (ticket.isDone()) {
                    ticket.recurrences++;
                }
                set.work().due().schedule(PendingAlert.recurrenceReported(ref, ticket.context(), claims.subjectId(),
                        now));
            }
            ticket.updatedAt = now;
            set.write(connection, dueItems);
            LOG.infof("Ticket %s: the user answered the satisfaction check '%s'%s", ref,
                    works ? "it works" : "it failed again",
                    works ? "" : " (recurrence " + ticket.recurrences + "; the agent is alerted)");
            return Outcome.of(Result.RECORDED, ticket.subject);
        });
    }

    private interface Work {
        Outcome run(Connection connection) throws SQLException;
    }

    private Outcome inTransaction(Claims claims, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = work.run(connection);
                connection.commit();
                return outcome;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the " + claims.purpose() + " link of ticket "
                    + claims.source() + "/" + claims.ticketId() + ": " + e.getMessage(), e);
        }
    }

    private static TicketActivity activity(Claims claims, String id, ActivityType type, Instant now) {
        TicketActivity activity = new TicketActivity();
        activity.source = claims.source();
        activity.id = id;
        activity.ticketId = claims.ticketId();
        activity.occurredAt = now;
        activity.type = type;
        activity.recipientRole = role(claims).orElse(null);
        activity.recipient = claims.recipient();
        return activity;
    }

    private static Optional<RecipientRole> role(Claims claims) {
        try {
            return claims.recipientRole().isEmpty()
                    ? Optional.empty()
                    : Optional.of(RecipientRole.valueOf(claims.recipientRole()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Once per promise and person. */
    private static String takenId(Claims claims) {
        return "taken:" + digest(claims.subjectId() + "\n" + claims.recipient());
    }

    /** Once per satisfaction check: the first answer stands. */
    private static String answerId(Claims claims) {
        return "satisfaction-answer:" + digest(claims.subjectId());
    }

    private static Optional<String> subject(Connection connection, Claims claims) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TICKET)) {
            select.setString(1, claims.source());
            select.setString(2, claims.ticketId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Optional.ofNullable(row.getString(1)).orElse("")) : Optional.empty();
            }
        }
    }

    private static Optional<CommitmentState> promiseState(Connection connection, Claims claims) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PROMISE_STATE)) {
            select.setString(1, claims.source());
            select.setString(2, claims.subjectId());
            select.setString(3, claims.ticketId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(CommitmentState.valueOf(row.getString(1))) : Optional.empty();
            }
        }
    }

    private static Optional<ActivityType> activity(Connection connection, String source, String id)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ACTIVITY)) {
            select.setString(1, source);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ActivityType.valueOf(row.getString(1))) : Optional.empty();
            }
        }
    }

    private static boolean takenBefore(Connection connection, Claims claims) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TAKEN_BEFORE)) {
            select.setString(1, claims.source());
            select.setString(2, claims.ticketId());
            select.setString(3, claims.subjectId());
            select.setString(4, ActivityType.PROMISE_TAKEN.name());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
