package dev.promesa.intake.webhook.zammad;

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
 * Zammad's default trigger payload {@code {ticket, article}} (admin documentation, manage/webhook/payload.rst; the
 * payload is built by {@code TriggerWebhookJob::RecordPayload}: the ticket with owner, customer, group, priority and
 * organization expanded, state as its name; the triggering article, or {@code {}} when the trigger fired without one).
 * <ul>
 * <li>ticket id: {@code ticket.number} (the number agents see), subject {@code ticket.title};</li>
 * <li>requester {@code ticket.customer}, assignee {@code ticket.owner} (none when the owner is Zammad's system user,
 * id 1, which is how Zammad says "not assigned"), team {@code ticket.group.name};</li>
 * <li>status {@code ticket.state} and priority {@code ticket.priority.name} by {@link #STATUSES} and
 * {@link #PRIORITIES}, overridable per source;</li>
 * <li>the article, unless its sender is {@code System} (auto-replies and trigger notifications are neither the agent
 * nor the user): {@code internal} decides the visibility, {@code sender} (Agent / Customer) the author's role, an
 * agent's public phone article is a call summary; HTML bodies become text with quoted history as "&gt; " lines.</li>
 * </ul>
 * Event ids come from {@code X-Zammad-Delivery} (the job id, the same on each of Zammad's retries); without it, from
 * the ticket number, article id and {@code ticket.updated_at}.
 */
public final class ZammadMapper implements DeskMapper {
    public static final String DELIVERY_HEADER = "X-Zammad-Delivery";

    /** Zammad's default states; "pending close" is resolved in all but name (it closes by itself). */
    public static final NameMap<TicketStatus> STATUSES = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("new", TicketStatus.NEW)
            .put("open", TicketStatus.OPEN)
            .put("pending reminder", TicketStatus.WAITING_ON_USER)
            .put("pending close", TicketStatus.RESOLVED)
            .put("closed", TicketStatus.CLOSED)
            .put("merged", TicketStatus.CLOSED)
            .put("removed", TicketStatus.CLOSED)
            .build();

    /** Zammad's default priorities. */
    public static final NameMap<Priority> PRIORITIES = NameMap.fallingBackTo(Priority.P3)
            .put("1 low", Priority.P4)
            .put("2 normal", Priority.P3)
            .put("3 high", Priority.P2)
            .build();

    /** Zammad's system user: a ticket "owned" by it has no owner. */
    private static final String SYSTEM_USER_ID = "1";

    @Override
    public Mapping map(JsonNode payload, Delivery delivery) {
        List<Violation> violations = new ArrayList<>();
        PayloadReader in = new PayloadReader(payload, violations);
        if (!in.node("ticket").isObject()) {
            in.violation("ticket", "is required: Zammad's default webhook payload {\"ticket\": …, \"article\": …}; "
                    + "turn \"Custom Payload\" off for this webhook");
            return Mapping.invalid(violations);
        }
        String ticketId = in.requiredId("ticket.number", "the ticket number Zammad shows agents");
        Instant updatedAt = in.instant("ticket.updated_at");
        String subject = in.text("ticket.title", EventReader.MAX_SUBJECT_LENGTH);
        String state = nameOf(in, "ticket.state");
        String priority = nameOf(in, "ticket.priority");
        Person requester = person(in, "ticket.customer");
        Person assignee = isSystemUser(in, "ticket.owner") ? null : person(in, "ticket.owner");
        String team = in.id(in.node("ticket.group").isObject() ? "ticket.group.name" : "ticket.group");
        Channel channel = Channels.of(in.raw("ticket.create_article_type"), Channel.EMAIL);

        boolean hasArticle = in.has("article.id") || in.has("article.body");
        String sender = in.raw("article.sender");
        boolean fromSystem = sender != null && sender.strip().equalsIgnoreCase("System");
        String articleId = hasArticle ? in.id("article.id") : null;
        Instant articleAt = hasArticle ? in.instant("article.created_at") : null;
        String body = hasArticle && !fromSystem ? body(in) : null;
        if (!violations.isEmpty()) {
            return Mapping.invalid(violations);
        }

        Instant occurredAt = updatedAt != null ? updatedAt : articleAt != null ? articleAt : delivery.receivedAt();
        String delivered = delivery.headers().value(DELIVERY_HEADER);
        String base = delivered != null
                ? EventIds.base(Desk.ZAMMAD, delivered)
                : EventIds.base(Desk.ZAMMAD, ticketId, "article", String.valueOf(articleId), occurredAt.toString());
        TicketSnapshot ticket = new TicketSnapshot(EventIds.ticket(base), ticketId, occurredAt,
                subject == null ? "" : subject,
                PRIORITIES.resolve(priority, delivery.source().priorityMap()),
                STATUSES.resolve(state, delivery.source().statusMap()), channel, requester, assignee, team, null);
        if (!hasArticle || fromSystem) {
            return Mapping.of(ticket, null);
        }

        Visibility visibility = Boolean.TRUE.equals(in.bool("article.internal"))
                ? Visibility.INTERNAL
                : Visibility.PUBLIC;
        AuthorRole role = sender != null && sender.strip().equalsIgnoreCase("Customer")
                ? AuthorRole.USER
                : AuthorRole.AGENT;
        String authorId = role == AuthorRole.USER && in.has("article.origin_by_id")
                ? in.id("article.origin_by_id")
                : in.id("article.created_by_id");
        if (authorId == null) {
            authorId = role == AuthorRole.USER && requester != null ? requester.id() : "zammad-user-unknown";
        }
        String type = in.raw("article.type");
        boolean call = type != null && type.strip().toLowerCase(Locale.ROOT).equals("phone");
        Interaction interaction = new Interaction(EventIds.comment(base), ticketId,
                articleAt != null ? articleAt : occurredAt, Kinds.of(visibility, role, call),
                Channels.of(type, channel), new Author(authorId, role), visibility, body == null ? "" : body, null,
                List.of());
        return violations.isEmpty() ? Mapping.of(ticket, interaction) : Mapping.invalid(violations);
    }

    /** The article's text: HTML (content type text/html) as plain text, quoted history as "> " lines. */
    private static String body(PayloadReader in) {
        String raw = in.raw("article.body");
        if (raw == null) {
            return null;
        }
        String contentType = in.raw("article.content_type");
        String text = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")
                ? HtmlText.toText(raw)
                : HtmlText.plain(raw).strip();
        return in.checked("article.body", text, EventReader.MAX_BODY_LENGTH);
    }

    /** A state or priority: its name, whether Zammad wrote the object or just the name. */
    private static String nameOf(PayloadReader in, String path) {
        return in.node(path).isObject() ? in.raw(path + ".name") : in.raw(path);
    }

    private static boolean isSystemUser(PayloadReader in, String path) {
        String id = in.has(path + ".id") ? in.raw(path + ".id") : in.raw(path + "_id");
        String login = in.raw(path + ".login");
        return !in.node(path).isObject() || SYSTEM_USER_ID.equals(id == null ? null : id.strip())
                || "-".equals(login == null ? null : login.strip());
    }

    private static Person person(PayloadReader in, String path) {
        if (!in.node(path).isObject()) {
            return null;
        }
        String first = in.raw(path + ".firstname");
        String last = in.raw(path + ".lastname");
        String name = String.join(" ", first == null ? "" : first.strip(), last == null ? "" : last.strip()).strip();
        return People.person(in, path, in.id(path + ".id"), name.isEmpty() ? null : name, in.email(path + ".email"),
                null);
    }
}
