package dev.promesa.followup.ticket;

import java.time.Instant;
import java.util.List;

import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.commitment.CommitmentView;
import dev.promesa.followup.sla.ClockView;

/** A ticket's state with its clocks and commitments. {@code placeholder}: no snapshot received yet. */
public record TicketView(
        String ticketId,
        String source,
        String subject,
        Priority priority,
        TicketStatus status,
        Channel channel,
        Person requester,
        Person assignee,
        String team,
        String slaPolicy,
        boolean placeholder,
        Instant createdAt,
        Instant resolvedAt,
        int recurrences,
        boolean clocksPaused,
        List<ClockView> clocks,
        List<CommitmentView> commitments) {
}
