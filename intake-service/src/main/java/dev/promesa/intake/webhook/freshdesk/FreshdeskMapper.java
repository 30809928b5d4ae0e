package dev.promesa.intake.webhook.freshdesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
 * Freshdesk automation rules' "Trigger webhook" action, with the body the admin pastes from docs/webhooks/freshdesk.md,
 * one rule per case. Freshdesk has no placeholder for who wrote a comment or whether it is public: the rule's event
 * decides, and its template says which in {@code kind}:
 * <ul>
 * <li>{@code ticket}: a snapshot only (ticket created, status, priority, group or agent changed);</li>
 * <li>{@code agent_reply}: an agent's reply or public note ({@code {{ticket.latest_public_comment}}}), public;</li>
 * <li>{@code customer_reply}: the requester's reply ({@code {{ticket.latest_public_comment}}}), public;</li>
 * <li>{@code private_note}: an agent's private note ({@code {{ticket.latest_private_comment}}}), internal.</li>
 * </ul>
 * Freshdesk writes a comment placeholder as {@code "<author name> : <body HTML>"} ({@code Helpdesk::Ticket
 * #liquidize_comment}): the name is taken off, the HTML becomes text. The agent of an agent comment is the ticket's
 * agent ({@code {{ticket.agent.email}}}), the only agent Freshdesk names. People are known by e-mail address. Status
 * and priority are Freshdesk's labels ({@code {{ticket.status}}}, {@code {{ticket.priority}}}) or their numbers,
 * mapped by {@link #STATUSES} and {@link #PRIORITIES}, overridable per source (custom statuses).
 * <p>
 * Event ids: Freshdesk sends no delivery id; a delivery's id is the ticket id, the kind,
 * {@code {{ticket.modified_on}}} and a digest of the body, so a retry (Freshdesk retries a failed call after 5, 30 and
 * 60 minutes, with the same body) is the same event, and two updates within one second are not.
 */
public final class FreshdeskMapper implements DeskMapper {

    /** Which rule sent the delivery (the template's literal {@code kind}). */
    public enum Kind {
        TICKET, AGENT_REPLY, CUSTOMER_REPLY, PRIVATE_NOTE;

        String written() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String allowed() {
            return Arrays.stream(values()).map(Kind::written).collect(Collectors.joining(", "));
        }
    }

    /** Freshdesk's default statuses, by label and by number (2 to 5, as its API numbers them). */
    public static final NameMap<TicketStatus> STATUSES = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("open", TicketStatus.OPEN)
            .put("pending", TicketStatus.WAITING_ON_USER)
            .put("resolved", TicketStatus.RESOLVED)
            .put("closed", TicketStatus.CLOSED)
            .put("waiting on customer", TicketStatus.WAITING_ON_USER)
            .put("waiting on third party", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("2", TicketStatus.OPEN)
            .put("3", TicketStatus.WAITING_ON_USER)
            .put("4", TicketStatus.RESOLVED)
            .put("5", TicketStatus.CLOSED)
            .build();

    /** Freshdesk's priorities, by label and by number (1 to 4). */
    public static final NameMap<Priority> PRIORITIES = NameMap.fallingBackTo(Priority.P3)
            .put("low", Priority.P4)
            .put("medium", Priority.P3)
            .put("high", Priority.P2)
            .put("urgent", Priority.P1)
            .put("1", Priority.P4)
            .put("2", Priority.P3)
            .put("3", Priority.P2)
            .put("4", Priority.P1)
            .build();

    /** "<name> : " before the comment, as Freshdesk writes it; a name is one line and not a paragraph. */
    static final int MAX_AUTHOR_PREFIX = 200;

    @Override
    public Mapping map(JsonNode payload, Delivery delivery) {
        List<Violation> violations = new ArrayList<>();
        PayloadReader in = new PayloadReader(payload, violations);
        if (!in.node("ticket").isObject()) {
            in.violation("ticket", "is required: paste Promesa's Freshdesk template (docs/webhooks/freshdesk.md) as "
                    + "the webhook's content (Encoding JSON, Advanced)");
            return Mapping.invalid(violations);
        }
        Kind kind = kind(in);
        String ticketId = in.requiredId("ticket.id", "{{ticket.id}}");
        Instant updatedAt = in.instant("ticket.updated_at");
        String subject = subject(in);
        Person requester = person(in, "ticket.requester");
        Person agent = person(in, "ticket.agent");
        String team = in.id("ticket.group");
        Channel channel = Channels.of(in.raw("ticket.source"), Channel.EMAIL);
        boolean hasComment = kind != null && kind != Kind.TICKET && in.has("comment.body");
        String body = hasComment ? body(in) : null;
        if (!violations.isEmpty()) {
            return Mapping.invalid(violations);
        }

        Instant occurredAt = updatedAt != null ? updatedAt : delivery.receivedAt();
        String base = EventIds.base(Desk.FRESHDESK, ticketId, kind.written(),
                updatedAt == null ? "no-time" : updatedAt.toString(),
                EventIds.digest(delivery.body()));
        TicketSnapshot ticket = new TicketSnapshot(EventIds.ticket(base), ticketId, occurredAt,
                subject == null ? "" : subject,
                PRIORITIES.resolve(in.raw("ticket.priority"), delivery.source().priorityMap()),
                STATUSES.resolve(in.raw("ticket.status"), delivery.source().statusMap()), channel, requester, agent,
                team, null);
        if (!hasComment) {
            return Mapping.of(ticket, null);
        }
        AuthorRole role = kind == Kind.CUSTOMER_REPLY ? AuthorRole.USER : AuthorRole.AGENT;
        Visibility visibility = kind == Kind.PRIVATE_NOTE ? Visibility.INTERNAL : Visibility.PUBLIC;
        Person author = role == AuthorRole.USER ? requester : agent;
        Interaction interaction = new Interaction(EventIds.comment(base), ticketId, occurredAt,
                Kinds.of(visibility, role, false), channel,
                new Author(author != null ? author.id() : "freshdesk-" + role.name().toLowerCase(Locale.ROOT), role),
                visibility, body == null ? "" : body, null, List.of());
        return Mapping.of(ticket, interaction);
    }

    private static Kind kind(PayloadReader in) {
        String written = in.raw("kind");
        if (written == null) {
            in.violation("kind", "is required: one of " + Kind.allowed() + ", as in the template of each rule");
            return null;
        }
        try {
            return Kind.valueOf(written.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.violation("kind", "'" + written + "' is not one of " + Kind.allowed());
            return null;
        }
    }

    /** Freshdesk escapes the subject for HTML ({@code &amp;}); Promesa keeps the text. */
    private static String subject(PayloadReader in) {
        String raw = in.raw("ticket.subject");
        return raw == null
                ? null
                : in.checked("ticket.subject", HtmlText.plain(raw).strip(), EventReader.MAX_SUBJECT_LENGTH);
    }

    private static String body(PayloadReader in) {
        String text = HtmlText.plain(withoutAuthor(in.raw("comment.body")));
        return in.checked("comment.body", text == null ? null : text.strip(), EventReader.MAX_BODY_LENGTH);
    }

    /** The comment without Freshdesk's {@code "<author name> : "} in front of it. */
    static String withoutAuthor(String comment) {
        int separator = comment.indexOf(" : ");
        if (separator < 0 || separator > MAX_AUTHOR_PREFIX || comment.substring(0, separator).contains("\n")
                || comment.substring(0, separator).contains("<")) {
            return comment;
        }
        return comment.substring(separator + 3);
    }

    private static Person person(PayloadReader in, String path) {
        if (!in.node(path).isObject()) {
            return null;
        }
        return People.person(in, path, in.id(path + ".id"), in.raw(path + ".name"), in.email(path + ".email"),
                null);
    }
}
