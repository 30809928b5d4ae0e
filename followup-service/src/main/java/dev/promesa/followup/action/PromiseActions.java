package dev.promesa.followup.action;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.commitment.CommitmentView;
import dev.promesa.followup.commitment.Commitments;
import dev.promesa.followup.commitment.PromiseAction;
import dev.promesa.followup.ingest.WorkingSet;
import dev.promesa.followup.scheduling.DueItemWriter;
import dev.promesa.followup.ticket.Tickets;

/**
 * Runs a promise action in one transaction: the ticket is locked and loaded as the ingest loads it, the promise rules
 * decide, the changes (promise, pending alerts, timeline entry) and the remembered answer of an
 * {@code Idempotency-Key} are written and committed together.
 */
@ApplicationScoped
public class PromiseActions {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final DataSource dataSource;
    private final Tickets tickets;
    private final DueItemWriter dueItems;
    private final ObjectMapper json;
    private final Clock clock;

    PromiseActions(DataSource dataSource, Tickets tickets, DueItemWriter dueItems, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.tickets = tickets;
        this.dueItems = dueItems;
        this.json = json;
        this.clock = clock;
    }

    /** The answer: the promise as it is after the action, and whether it is an earlier answer given again. */
    public record Answer(CommitmentView commitment, boolean replayed) {
    }

    /** A request this service refuses before any rule runs: 400, 404 or 422 with what to fix. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Answer act(TicketRef ticket, PromiseAction.Type type, String commitmentId, ActionRequest body,
            Optional<String> idempotencyKey) {
        ActionRequest request = validated(body, idempotencyKey);
        String fingerprint = fingerprint(ticket, type, commitmentId, request);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Answer answer = act(connection, ticket, type, commitmentId, request, idempotencyKey, fingerprint);
                connection.commit();
                return answer;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + type.path() + " promise " + commitmentId + " of ticket "
                    + ticket + ": " + e.getMessage(), e);
        }
    }

    private Answer act(Connection connection, TicketRef ticket, PromiseAction.Type type, String commitmentId,
            ActionRequest request, Optional<String> idempotencyKey, String fingerprint) throws SQLException {
        WorkingSet set = WorkingSet.ofTicket(connection, ticket, commitmentId);
        Instant now = clock.instant();
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyKeys.Remembered> before = IdempotencyKeys.find(connection, ticket.source(),
                    idempotencyKey.get(), now);
            if (before.isPresent()) {
                if (!before.get().fingerprint().equals(fingerprint)) {
                    throw new Refused(422, "Idempotency-Key '" + idempotencyKey.get() + "' was used for another "
                            + "request in the last 24 hours; use a new key for each different action");
                }
                return new Answer(read(before.get().response()), true);
            }
        }
        if (set.commitment(ticket, commitmentId).isEmpty()) {
            throw new Refused(404, "Ticket '" + ticket.ticketId() + "' has no promise '" + commitmentId + "'");
        }
        PromiseAction action = new PromiseAction(type, "action:" + UUID.randomUUID(), commitmentId,
                request.actorId(), now, Optional.ofNullable(request.dueAt()), Optional.ofNullable(request.reason()));
        Commitments.Acted acted = tickets.applyAction(set.work(), ticket, action);
        set.write(connection, dueItems);
        CommitmentView view = CommitmentView.of(acted.commitment(), now);
        if (idempotencyKey.isPresent()) {
            IdempotencyKeys.remember(connection, ticket.source(), idempotencyKey.get(), fingerprint, write(view),
                    now);
        }
        return new Answer(view, false);
    }

    private static ActionRequest validated(ActionRequest body, Optional<String> idempotencyKey) {
        if (body == null) {
            throw new Refused(400, "The request needs a JSON body with actorId (and dueAt or reason where the action "
                    + "needs them)");
        }
        if (body.actorId() == null || body.actorId().isBlank()) {
            throw new Refused(400, "actorId is required: who acts on the promise, as the timeline records it");
        }
        requireText("actorId", body.actorId(), MAX_ID_LENGTH);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null) {
            requireText("reason", reason, MAX_REASON_LENGTH);
        }
        idempotencyKey.ifPresent(key -> requireText("Idempotency-Key", key, MAX_ID_LENGTH));
        return new ActionRequest(body.actorId(), body.dueAt(), reason);
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new Refused(400, field + " is " + value.length() + " characters long, at most " + maxLength
                    + " allowed");
        }
        if (CONTROL.matcher(value).find() || value.indexOf('\u0000') >= 0) {
            throw new Refused(400, field + " contains control characters");
        }
    }

    /** What makes two requests the same action: a retry with the same key must match it. */
    private static String fingerprint(TicketRef ticket, PromiseAction.Type type, String commitmentId,
            ActionRequest request) {
        return String.join("\n", ticket.ticketId(), commitmentId, type.path(), request.actorId(),
                Objects.toString(request.dueAt(), ""), Objects.toString(request.reason(), ""));
    }

    private String write(CommitmentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the answer as JSON: " + e.getMessage(), e);
        }
    }

    private CommitmentView read(String response) {
        try {
            return json.readValue(response, CommitmentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read a remembered answer: " + e.getMessage(), e);
        }
    }
}
