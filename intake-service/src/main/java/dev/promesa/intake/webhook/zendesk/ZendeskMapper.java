package dev.promesa.intake.webhook.zendesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.intake.validation.EventReader;
import dev.promesa.intake.validation.Violation;
import dev.promesa.intake.webhook.Channels;
import dev.promesa.intake.webhook.Delivery;
import dev.promesa.intake.webhook.Desk;
import dev.promesa.intake.webhook.DeskMapper;
import dev.promesa.intake.webhook.EventIds;
import dev.promesa.intake.webhook.Kinds;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.NameMap;
import dev.promesa.intake.webhook.PayloadReader;
import dev.promesa.intake.webhook.People;
import dev.promesa.recognition.text.HtmlText;

/**
 * Zendesk, both ways a webhook can be connected (a webhook is one or the other, never both):
 * <ul>
 * <li><b>Triggers and automations</b>, with the body the admin pastes from docs/webhooks/zendesk.md:
 * {@code {"ticket": {…}, "comment": {…}}} filled in by Zendesk's placeholders. Every delivery is a snapshot; one whose
 * {@code comment} has an id or a body is also an interaction. The comment is the ticket's <em>latest</em> comment,
 * which Zendesk repeats on later updates without a comment, so its event id comes from the comment id alone: the
 * repeat is the same event and changes nothing. {@code comment.author_role} (written into each trigger's template:
 * {@code agent} or {@code end-user}) says who wrote it; without it, the author is the user when they are the
 * requester. A snapshot's event id is the ticket id, {@code ticket.updated_at} and a digest of the body (a retry
 * sends the same body; Zendesk's update time has whole seconds only).</li>
 * <li><b>Event subscriptions</b> ({@code zen:event-type:ticket.*}, Zendesk's fixed envelope): the ticket from
 * {@code detail}, ids only (Zendesk sends no names or e-mail addresses there: people are known by id, and Promesa
 * cannot e-mail them), the team the group id; {@code ticket.comment_added} also the comment ({@code is_staff} decides
 * the role). Event ids come from the envelope's {@code id}. Other events are answered 2xx and ignored.</li>
 * </ul>
 * Statuses ({@code new, open, pending, hold, solved, closed}) and priorities ({@code low, normal, high, urgent}) map
 * by {@link #STATUSES} and {@link #PRIORITIES}, in any case, overridable per source (e.g. custom ticket statuses).
 */
public final class ZendeskMapper implements DeskMapper {
    static final String EVENT_PREFIX = "zen:event-type:";
    static final String TICKET_EVENT_PREFIX = EVENT_PREFIX + "ticket.";
    static final String COMMENT_ADDED = TICKET_EVENT_PREFIX + "comment_added";

    public static final NameMap<TicketStatus> STATUSES = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("new", TicketStatus.NEW)
            .put("open", TicketStatus.OPEN)
            .put("pending", TicketStatus.WAITING_ON_USER)
            .put("hold", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("on-hold", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("on hold", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("solved", TicketStatus.RESOLVED)
            .put("closed", TicketStatus.CLOSED)
            .put("deleted", TicketStatus.CLOSED)
            .put("archived", TicketStatus.CLOSED)
            .put("scrubbed", TicketStatus.CLOSED)
            .build();

    public static final NameMap<Priority> PRIORITIES = NameMap.fallingBackTo(Priority.P3)
            .put("low", Priority.P4)
            .put("normal", Priority.P3)
            .put("high", Priority.P2)
            .put("urgent", Priority.P1)
            .build();

    @Override
    public Mapping map(JsonNode payload, Delivery delivery) {
        List<Violation> violations = new ArrayList<>();
        PayloadReader in = new PayloadReader(payload, violations);
        String type = in.raw("type");
        if (type != null && type.startsWith(EVENT_PREFIX)) {
            return type.startsWith(TICKET_EVENT_PREFIX)
                    ? event(in, type, delivery, violations)
                    : Mapping.ignored("Zendesk event '" + type + "' is not a ticket event");
        }
        if (!in.node("ticket").isObject()) {
            in.violation("ticket", "is required: paste Promesa's Zendesk template (docs/webhooks/zendesk.md) as the "
                    + "trigger's JSON body, or subscribe the webhook to ticket events");
            return Mapping.invalid(violations);
        }
        return template(in, delivery, violations);
    }

    private static Mapping template(PayloadReader in, Delivery delivery, List<Violation> violations) {
        String ticketId = in.requiredId("ticket.id", "{{ticket.id}}");
        Instant updatedAt = in.instant("ticket.updated_at");
        String subject = in.text("ticket.subject", EventReader.MAX_SUBJECT_LENGTH);
        Person requester = person(in, "ticket.requester");
        Person assignee = person(in, "ticket.assignee");
        String team = in.id("ticket.group");
        Channel channel = Channels.of(in.raw("ticket.via"), Channel.WEB);
        boolean hasComment = in.has("comment.id") || in.has("comment.body");
        String commentId = hasComment ? in.id("comment.id") : null;
        Boolean isPublic = hasComment ? in.bool("comment.public") : null;
        Instant commentAt = hasComment ? in.instant("comment.created_at") : null;
        String authorId = hasComment ? in.id("comment.author_id") : null;
        AuthorRole role = hasComment ? role(in, authorId, requester) : null;
        String body = hasComment ? body(in, "comment.body") : null;
        if (!violations.isEmpty()) {
            return Mapping.invalid(violations);
        }

        Instant occurredAt = updatedAt != null ? updatedAt : delivery.receivedAt();
        String base = EventIds.base(Desk.ZENDESK, ticketId, updatedAt == null ? "no-time" : updatedAt.toString(),
                EventIds.digest(delivery.body()));
        TicketSnapshot ticket = new TicketSnapshot(EventIds.ticket(base), ticketId, occurredAt,
                subject == null ? "" : subject, priority(in, "ticket.priority", delivery),
                status(in, "ticket.status", delivery), channel, requester, assignee, team, null);
        if (!hasComment) {
            return Mapping.of(ticket, null);
        }
        Visibility visibility = Boolean.FALSE.equals(isPublic) ? Visibility.INTERNAL : Visibility.PUBLIC;
        String commentEvent = commentId != null
                ? EventIds.comment(EventIds.base(Desk.ZENDESK, ticketId, "comment", commentId))
                : EventIds.comment(base);
        String author = authorId != null
                ? authorId
                : role == AuthorRole.USER && requester != null ? requester.id() : "zendesk-user-unknown";
        Interaction interaction = new Interaction(commentEvent, ticketId,
                commentAt != null ? commentAt : occurredAt, Kinds.of(visibility, role, false), channel,
                new Author(author, role), visibility, body == null ? "" : body, null, List.of());
        return Mapping.of(ticket, interaction);
    }

    private static Mapping event(PayloadReader in, String type, Delivery delivery, List<Violation> violations) {
        String eventId = in.requiredId("id", "the event id of Zendesk's envelope");
        String ticketId = in.requiredId("detail.id", "the ticket id");
        Instant time = in.instant("time");
        Instant updatedAt = in.instant("detail.updated_at");
        String subject = in.text("detail.subject", EventReader.MAX_SUBJECT_LENGTH);
        String requesterId = in.id("detail.requester_id");
        String assigneeId = in.id("detail.assignee_id");
        String team = in.id("detail.group_id");
        Channel channel = Channels.of(in.raw("detail.via.channel"), Channel.WEB);
        boolean comment = type.equals(COMMENT_ADDED) && in.node("event.comment").isObject();
        String authorId = comment ? in.id("event.comment.author.id") : null;
        Boolean staff = comment ? in.bool("event.comment.author.is_staff") : null;
        Boolean isPublic = comment ? in.bool("event.comment.is_public") : null;
        String body = comment ? body(in, "event.comment.body") : null;
        if (!violations.isEmpty()) {
            return Mapping.invalid(violations);
        }

        Instant occurredAt = time != null ? time : updatedAt != null ? updatedAt : delivery.receivedAt();
        String base = EventIds.base(Desk.ZENDESK, eventId);
        TicketSnapshot ticket = new TicketSnapshot(EventIds.ticket(base), ticketId, occurredAt,
                subject == null ? "" : subject, priority(in, "detail.priority", delivery),
                status(in, "detail.status", delivery), channel,
                requesterId == null ? null : new Person(requesterId, null, null, null, null),
                assigneeId == null ? null : new Person(assigneeId, null, null, null, null), team, null);
        if (!comment) {
            return Mapping.of(ticket, null);
        }
        AuthorRole role = Boolean.FALSE.equals(staff) ? AuthorRole.USER : AuthorRole.AGENT;
        Visibility visibility = Boolean.FALSE.equals(isPublic) ? Visibility.INTERNAL : Visibility.PUBLIC;
        Interaction interaction = new Interaction(EventIds.comment(base), ticketId, occurredAt,
                Kinds.of(visibility, role, false), channel,
                new Author(authorId != null ? authorId : "zendesk-user-unknown", role), visibility,
                body == null ? "" : body, null, List.of());
        return Mapping.of(ticket, interaction);
    }

    /**
     * {@code comment.author_role} as the trigger's template writes it; without it, the requester is the user and
     * anybody else an agent (a CC'd end user would count as an agent: use one trigger per role to avoid that).
     */
    private static AuthorRole role(PayloadReader in, String authorId, Person requester) {
        String written = in.raw("comment.author_role");
        if (written == null) {
            return requester != null && authorId != null && authorId.equals(requester.id())
                    ? AuthorRole.USER
                    : AuthorRole.AGENT;
        }
        return switch (written.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "agent", "admin" -> AuthorRole.AGENT;
            case "end-user", "enduser", "user", "requester", "customer" -> AuthorRole.USER;
            default -> {
                in.violation("comment.author_role", "'" + written + "' is not one of agent, end-user");
                yield AuthorRole.AGENT;
            }
        };
    }

    private static TicketStatus status(PayloadReader in, String path, Delivery delivery) {
        return STATUSES.resolve(in.raw(path), delivery.source().statusMap());
    }

    private static Priority priority(PayloadReader in, String path, Delivery delivery) {
        return PRIORITIES.resolve(in.raw(path), delivery.source().priorityMap());
    }

    private static String body(PayloadReader in, String path) {
        String raw = in.raw(path);
        return raw == null ? null : in.checked(path, HtmlText.plain(raw).strip(), EventReader.MAX_BODY_LENGTH);
    }

    private static Person person(PayloadReader in, String path) {
        if (!in.node(path).isObject()) {
            return null;
        }
        return People.person(in, path, in.id(path + ".id"), in.raw(path + ".name"), in.email(path + ".email"),
                null);
    }
}
