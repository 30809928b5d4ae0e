package dev.promesa.followup.ticket;

import java.time.Instant;
import java.util.List;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Visibility;

/** One entry of a ticket's documented timeline, in processing order. */
public record TimelineView(
        String eventId,
        Instant occurredAt,
        InteractionKind kind,
        Channel channel,
        String authorId,
        AuthorRole authorRole,
        Visibility visibility,
        String body,
        String commitmentId,
        List<String> fulfils) {

    static TimelineView of(TimelineEntry e) {
        return new TimelineView(e.eventId, e.occurredAt, e.kind, e.channel, e.authorId, e.authorRole, e.visibility,
                e.body, e.commitmentId, e.fulfils == null ? List.of() : List.of(e.fulfils.split(",")));
    }
}
