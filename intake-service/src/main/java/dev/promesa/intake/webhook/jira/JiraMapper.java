package dev.promesa.intake.webhook.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import dev.promesa.intake.webhook.Delivery;
import dev.promesa.intake.webhook.Desk;
import dev.promesa.intake.webhook.DeskMapper;
import dev.promesa.intake.webhook.EventIds;
import dev.promesa.intake.webhook.Kinds;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.NameMap;
import dev.promesa.intake.webhook.PayloadReader;
import dev.promesa.intake.webhook.People;

/**
 * Jira Cloud and Jira Service Management admin webhooks: {@code jira:issue_created} and {@code jira:issue_updated}
 * become a snapshot; {@code comment_created} and {@code comment_updated} an interaction, plus a snapshot when the
 * issue in the payload is complete (has its reporter and status: Jira sends comment events with a reduced issue, and a
 * snapshot without its requester would erase the one Promesa knows). A comment object in an issue event is ignored:
 * Atlassian deprecated it, and the comment event carries the same comment. Other events are answered 2xx and ignored.
 * <ul>
 * <li>ticket id {@code issue.key}, subject {@code issue.fields.summary};</li>
 * <li>requester {@code fields.reporter}, assignee {@code fields.assignee} (account id, display name, e-mail address
 * when the user's privacy settings show it, time zone), team the project key ({@code fields.project.key});</li>
 * <li>status {@code fields.status.name} by {@link #STATUSES}, else by its category ({@code new}, {@code indeterminate},
 * {@code done}); priority {@code fields.priority.name} by {@link #PRIORITIES}; both overridable per source;</li>
 * <li>comment visibility: internal when {@code jsdPublic} is false (Service Management's internal note) or the comment
 * is restricted to a role or group; the author is the user when their account type is {@code customer} or they are
 * the reporter, an agent otherwise; the body is an ADF document ({@link AdfText}) or a wiki-markup string
 * ({@link WikiText}).</li>
 * </ul>
 * Event ids come from {@code X-Atlassian-Webhook-Identifier} (the same on every retry); without it, from the issue
 * key, comment id and the event's {@code timestamp}.
 */
public final class JiraMapper implements DeskMapper {
    public static final String DELIVERY_HEADER = "X-Atlassian-Webhook-Identifier";
    static final Set<String> ISSUE_EVENTS = Set.of("jira:issue_created", "jira:issue_updated");
    static final Set<String> COMMENT_EVENTS = Set.of("comment_created", "comment_updated");

    /** Jira Service Management's and Jira Software's default workflow statuses. */
    public static final NameMap<TicketStatus> STATUSES = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("open", TicketStatus.OPEN)
            .put("to do", TicketStatus.NEW)
            .put("backlog", TicketStatus.NEW)
            .put("waiting for support", TicketStatus.OPEN)
            .put("in progress", TicketStatus.OPEN)
            .put("work in progress", TicketStatus.OPEN)
            .put("escalated", TicketStatus.OPEN)
            .put("reopened", TicketStatus.OPEN)
            .put("waiting for customer", TicketStatus.WAITING_ON_USER)
            .put("pending", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("waiting for approval", TicketStatus.WAITING_ON_THIRD_PARTY)
            .put("resolved", TicketStatus.RESOLVED)
            .put("done", TicketStatus.RESOLVED)
            .put("closed", TicketStatus.CLOSED)
            .put("canceled", TicketStatus.CLOSED)
            .put("cancelled", TicketStatus.CLOSED)
            .put("declined", TicketStatus.CLOSED)
            .build();

    /** A status by the category every Jira status has, when its name is neither mapped nor a default. */
    public static final NameMap<TicketStatus> STATUS_CATEGORIES = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("new", TicketStatus.NEW)
            .put("indeterminate", TicketStatus.OPEN)
            .put("done", TicketStatus.RESOLVED)
            .build();

    /** Jira's default priority scheme. */
    public static final NameMap<Priority> PRIORITIES = NameMap.fallingBackTo(Priority.P3)
            .put("lowest", Priority.P4)
            .put("low", Priority.P4)
            .put("medium", Priority.P3)
            .put("high", Priority.P2)
            .put("highest", Priority.P1)
            .build();

    @Override
    public Mapping map(JsonNode payload, Delivery delivery) {
        List<Violation> violations = new ArrayList<>();
        PayloadReader in = new PayloadReader(payload, violations);
        String event = in.raw("webhookEvent");
        if (event == null) {
            in.violation("webhookEvent", "is required: register the webhook under Jira settings > System > WebHooks "
                    + "(automation rules' \"Send web request\" sends another shape)");
            return Mapping.invalid(violations);
        }
        boolean issueEvent = ISSUE_EVENTS.contains(event);
        boolean commentEvent = COMMENT_EVENTS.contains(event);
        if (!issueEvent && !commentEvent) {
            return Mapping.ignored("Jira event '" + event + "' is not one Promesa maps (it takes "
                    + "jira:issue_created, jira:issue_updated, comment_created, comment_updated)");
        }
        String ticketId = in.requiredId("issue.key", "the issue key, e.g. ITSD-17");
        Instant eventAt = in.instant("timestamp");
        Instant updatedAt = in.instant("issue.fields.updated");
        String subject = in.text("issue.fields.summary", EventReader.MAX_SUBJECT_LENGTH);
        String reporterAccount = in.raw("issue.fields.reporter.accountId");
        Person requester = person(in, "issue.fields.reporter");
        Person assignee = person(in, "issue.fields.assignee");
        String team = in.id("issue.fields.project.key");
        TicketStatus status = status(in, delivery);
        Priority priority = PRIORITIES.resolve(in.raw("issue.fields.priority.name"),
                delivery.source().priorityMap());

        String commentId = commentEvent ? in.id("comment.id") : null;
        Instant commentAt = commentEvent
                ? in.instant(event.equals("comment_updated") && in.has("comment.updated")
                        ? "comment.updated"
                        : "comment.created")
                : null;
        String body = commentEvent ? body(in) : null;
        if (!violations.isEmpty()) {
            return Mapping.invalid(violations);
        }

        Instant occurredAt = firstOf(updatedAt, eventAt, delivery.receivedAt());
        String delivered = delivery.headers().value(DELIVERY_HEADER);
        String base = delivered != null
                ? EventIds.base(Desk.JIRA, delivered)
                : EventIds.base(Desk.JIRA, ticketId, event, String.valueOf(commentId),
                        String.valueOf(firstOf(eventAt, commentAt, occurredAt).toEpochMilli()));
        boolean completeIssue = in.has("issue.fields.reporter") && in.has("issue.fields.status.name");
        TicketSnapshot ticket = issueEvent || completeIssue
                ? new TicketSnapshot(EventIds.ticket(base), ticketId, occurredAt, subject == null ? "" : subject,
                        priority, status, Channel.WEB, requester, assignee, team, null)
                : null;
        if (!commentEvent) {
            return Mapping.of(ticket, null);
        }

        Visibility visibility = Boolean.FALSE.equals(in.bool("comment.jsdPublic")) || in.has("comment.visibility")
                ? Visibility.INTERNAL
                : Visibility.PUBLIC;
        String authorAccount = in.id("comment.author.accountId");
        String accountType = in.raw("comment.author.accountType");
        boolean customer = "customer".equalsIgnoreCase(accountType == null ? "" : accountType.strip())
                || authorAccount != null && authorAccount.equals(reporterAccount);
        AuthorRole role = customer ? AuthorRole.USER : AuthorRole.AGENT;
        String authorId = Optional.ofNullable(authorAccount).orElse("jira-user-unknown");
        Interaction interaction = new Interaction(EventIds.comment(base), ticketId,
                firstOf(commentAt, eventAt, occurredAt), Kinds.of(visibility, role, false), Channel.WEB,
                new Author(authorId, role), visibility, body == null ? "" : body, null, List.of());
        return violations.isEmpty() ? Mapping.of(ticket, interaction) : Mapping.invalid(violations);
    }

    private static TicketStatus status(PayloadReader in, Delivery delivery) {
        String name = in.raw("issue.fields.status.name");
        return STATUSES.find(name, delivery.source().statusMap())
                .or(() -> STATUS_CATEGORIES.find(in.raw("issue.fields.status.statusCategory.key"), Map.of()))
                .orElse(STATUSES.fallback());
    }

    private static String body(PayloadReader in) {
        JsonNode body = in.node("comment.body");
        String text;
        if (AdfText.isDocument(body)) {
            text = AdfText.toText(body);
        } else if (body.isTextual()) {
            text = WikiText.toText(body.asText());
        } else {
            return null;
        }
        return in.checked("comment.body", text, EventReader.MAX_BODY_LENGTH);
    }

    private static Person person(PayloadReader in, String path) {
        if (!in.node(path).isObject()) {
            return null;
        }
        return People.person(in, path, in.id(path + ".accountId"), in.raw(path + ".displayName"),
                in.email(path + ".emailAddress"), in.timeZone(path + ".timeZone"));
    }

    private static Instant firstOf(Instant... instants) {
        for (Instant instant : instants) {
            if (instant != null) {
                return instant;
            }
        }
        throw new IllegalArgumentException("the last instant must not be null");
    }
}
