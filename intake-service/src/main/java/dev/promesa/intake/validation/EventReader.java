package dev.promesa.intake.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;

/**
 * Turns request JSON into contract events, or into the complete list of what is wrong with it. This is the one place
 * where the intake rules of DESIGN.md live.
 */
public final class EventReader {
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_SUBJECT_LENGTH = 500;
    public static final int MAX_BODY_LENGTH = 50_000;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_FULFILS = 100;
    /** Leaves room for the {@code :index} a batch appends, within {@link #MAX_ID_LENGTH}. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    /** Either an event or the violations that stopped it. */
    public record Result<T>(T event, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private EventReader() {
    }

    /**
     * @param defaultEventId the event id to use when the body has none (from {@code Idempotency-Key}); null to
     *        generate one
     */
    public static Result<TicketSnapshot> ticket(JsonNode json, String path, String defaultEventId) {
        List<Violation> violations = new ArrayList<>();
        if (!json.isObject()) {
            return new Result<>(null, List.of(new Violation(path.isEmpty() ? "$" : path, "must be a JSON object")));
        }
        JsonFields fields = new JsonFields(json, path, violations);
        String eventId = eventId(fields, defaultEventId);
        String ticketId = fields.id("ticketId", true, MAX_ID_LENGTH);
        Instant occurredAt = fields.instant("occurredAt", true);
        String subject = fields.text("subject", true, MAX_SUBJECT_LENGTH);
        Priority priority = fields.enumValue("priority", Priority.class, true);
        TicketStatus status = fields.enumValue("status", TicketStatus.class, true);
        Channel channel = fields.enumValue("channel", Channel.class, true);
        Person requester = person(fields.object("requester", true), true);
        Person assignee = person(fields.object("assignee", false), false);
        String team = fields.id("team", false, MAX_ID_LENGTH);
        String slaPolicy = fields.id("slaPolicy", false, MAX_ID_LENGTH);
        TicketSnapshot ticket = new TicketSnapshot(eventId, ticketId, occurredAt, subject, priority, status, channel,
                requester, assignee, team, slaPolicy);
        return new Result<>(violations.isEmpty() ? ticket : null, violations);
    }

    /**
     * @param pathTicketId the ticket id from the URL; null when the body must carry it (batch items)
     */
    public static Result<Interaction> interaction(JsonNode json, String path, String pathTicketId,
            String defaultEventId) {
        List<Violation> violations = new ArrayList<>();
        if (!json.isObject()) {
            return new Result<>(null, List.of(new Violation(path.isEmpty() ? "$" : path, "must be a JSON object")));
        }
        JsonFields fields = new JsonFields(json, path, violations);
        String eventId = eventId(fields, defaultEventId);
        String ticketId = fields.id("ticketId", pathTicketId == null, MAX_ID_LENGTH);
        if (pathTicketId != null) {
            String pathProblem = FieldRules.idProblem(pathTicketId, MAX_ID_LENGTH);
            if (pathProblem != null) {
                violations.add(new Violation("ticketId (path)", pathProblem));
            } else if (ticketId != null && !ticketId.equals(pathTicketId)) {
                fields.violation("ticketId", "'" + ticketId + "' differs from the ticket in the URL, '"
                        + pathTicketId + "'");
            }
            ticketId = pathTicketId;
        }
        Instant occurredAt = fields.instant("occurredAt", true);
        InteractionKind kind = fields.enumValue("kind", InteractionKind.class, true);
        Channel channel = fields.enumValue("channel", Channel.class, true);
        Author author = author(fields.object("author", true));
        Visibility visibility = fields.enumValue("visibility", Visibility.class, true);
        String body = fields.text("body", true, MAX_BODY_LENGTH);
        CommitmentRequest commitment = commitment(fields.object("commitment", false), occurredAt);
        List<String> fulfils = fields.idList("fulfils", MAX_FULFILS, MAX_ID_LENGTH);
        Interaction interaction = new Interaction(eventId, ticketId, occurredAt, kind, channel, author, visibility,
                body, commitment, fulfils);
        return new Result<>(violations.isEmpty() ? interaction : null, violations);
    }

    /**
     * The {@code Idempotency-Key} header becomes event ids, so it follows the id rules: at most
     * {@value #MAX_IDEMPOTENCY_KEY_LENGTH} characters, not blank, no control characters. Empty list when absent or
     * fine.
     */
    public static List<Violation> idempotencyKey(String header) {
        if (header == null) {
            return List.of();
        }
        String problem = FieldRules.idProblem(header, MAX_IDEMPOTENCY_KEY_LENGTH);
        return problem == null ? List.of() : List.of(new Violation("Idempotency-Key (header)", problem));
    }

    private static String eventId(JsonFields fields, String defaultEventId) {
        String eventId = fields.id("eventId", false, MAX_ID_LENGTH);
        if (eventId != null) {
            return eventId;
        }
        return defaultEventId != null ? defaultEventId : UUID.randomUUID().toString();
    }

    private static Person person(JsonFields fields, boolean isRequester) {
        if (fields == null) {
            return null;
        }
        String id = fields.id("id", true, MAX_ID_LENGTH);
        String name = fields.text("name", true, MAX_NAME_LENGTH);
        String email = fields.email("email", true);
        String locale = isRequester ? fields.locale("locale") : null;
        String timeZone = fields.timeZone("timeZone");
        return new Person(id, name, email, locale, timeZone);
    }

    private static Author author(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        return new Author(fields.id("id", true, MAX_ID_LENGTH), fields.enumValue("role", AuthorRole.class, true));
    }

    private static CommitmentRequest commitment(JsonFields fields, Instant occurredAt) {
        if (fields == null) {
            return null;
        }
        String commitmentId = fields.id("commitmentId", false, MAX_ID_LENGTH);
        CommitmentKind kind = fields.enumValue("kind", CommitmentKind.class, true);
        Instant dueAt = fields.instant("dueAt", true);
        if (dueAt != null && occurredAt != null && !dueAt.isAfter(occurredAt)) {
            fields.violation("dueAt", "must be after occurredAt (" + occurredAt + ")");
        }
        String description = fields.text("description", true, MAX_DESCRIPTION_LENGTH);
        PromisedTo promisedTo = fields.enumValue("promisedTo", PromisedTo.class, true);
        return new CommitmentRequest(commitmentId, kind, dueAt, description, promisedTo);
    }
}
