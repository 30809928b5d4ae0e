package dev.promesa.followup.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentView;
import dev.promesa.followup.sla.ClockViews;

@Path("/api/v1/tickets/{ticketId}")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final ClockViews clocks;
    private final Clock clock;

    TicketResource(ClockViews clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A ticket's state with its SLA clocks and commitments")
    public TicketView ticket(@PathParam("ticketId") String ticketId) {
        Ticket t = find(ticketId);
        Instant now = clock.instant();
        List<CommitmentView> commitments = Commitment.<Commitment>list("ticketId = ?1 order by madeAt", ticketId)
                .stream().map(c -> CommitmentView.of(c, now)).toList();
        return new TicketView(t.id, t.source, t.subject, t.priority, t.status, t.channel,
                PersonColumns.toPerson(t.requester), PersonColumns.toPerson(t.assignee), t.team, t.slaPolicy,
                t.placeholder, t.createdAt, t.resolvedAt, t.recurrences, t.clocksPaused, clocks.of(ticketId),
                commitments);
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "A ticket's documented interactions, in the order they were accepted")
    public List<TimelineView> timeline(@PathParam("ticketId") String ticketId) {
        find(ticketId);
        return TimelineEntry.<TimelineEntry>list("ticketId = ?1 order by seq", ticketId).stream()
                .map(TimelineView::of).toList();
    }

    private static Ticket find(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw new NotFoundException("No ticket '" + ticketId + "' has been received by followup-service");
        }
        return ticket;
    }
}
