package dev.promesa.followup.ticket;

import java.time.Instant;
import java.util.List;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.RecipientRole;
import dev.promesa.contracts.Visibility;

/**
 * One entry of a ticket's documented timeline, in the order followup recorded them. {@code type} says which:
 * {@code INTERACTION} (from the help desk: kind, channel, author, visibility, body, the promise it made and those it
 * says it keeps) or what a person did through Promesa ({@code PROMISE_CONFIRMED}, {@code PROMISE_RESCHEDULED},
 * {@code PROMISE_CANCELLED}, {@code PROMISE_KEPT}: who in {@code authorId}, the promise, its due time afterwards and
 * the reason given), or {@code EMAIL_SENT}: an email Promesa sent about the ticket, when the mail server accepted it
 * ({@code occurredAt}), who it was for ({@code recipientRole}: AGENT, USER, LEAD or MANAGER, and the address in
 * {@code recipient}), the alert's kind ({@code alertKind}), the promise it was about ({@code commitmentId}) and its
 * {@code subject}. The fields of the other types are null.
 */
public record TimelineView(
        String type,
        String eventId,
        Instant occurredAt,
        InteractionKind kind,
        Channel channel,
        String authorId,
        AuthorRole authorRole,
        Visibility visibility,
        String body,
        String commitmentId,
        List<String> fulfils,
        Instant dueAt,
        String reason,
        AlertKind alertKind,
        RecipientRole recipientRole,
        String recipient,
        String subject) {

    static final String INTERACTION = "INTERACTION";

    static TimelineView of(TimelineEntry e) {
        return new TimelineView(INTERACTION, e.eventId, e.occurredAt, e.kind, e.channel, e.authorId, e.authorRole,
                e.visibility, e.body, e.commitmentId, e.fulfils == null ? List.of() : List.of(e.fulfils.split(",")),
                null, null, null, null, null, null);
    }

    static TimelineView of(TicketActivity a) {
        return new TimelineView(a.type.name(), a.id, a.occurredAt, null, null, a.actorId, null, null, null,
                a.commitmentId, List.of(), a.dueAt, a.reason, a.alertKind, a.recipientRole, a.recipient, a.subject);
    }
}
