package dev.promesa.contracts;

import java.time.Instant;

/** The whole ticket as the help desk sees it at {@code occurredAt}: a create or an update. */
public record TicketSnapshot(
        String eventId,
        String ticketId,
        Instant occurredAt,
        String subject,
        Priority priority,
        TicketStatus status,
        Channel channel,
        Person requester,
        Person assignee,
        String team,
        String slaPolicy) {
}
