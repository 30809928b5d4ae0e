package dev.promesa.followup.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentView;
import dev.promesa.followup.sla.ClockViews;
import dev.promesa.security.SourceScope;

/**
 * One ticket of the caller's source. Another source's ticket answers 404, exactly like one that does not exist; an
 * operator key finds the ticket in any source, and needs {@code ?source=} only when two sources share the id.
 */
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
    public TicketView ticket(@PathParam("ticketId") String ticketId,
            @Parameter(description = "operator keys: the source, when several have this ticket id") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        Ticket t = find(SourceScope.of(request, source), ticketId);
        Instant now = clock.instant();
        List<CommitmentView> commitments = Commitment.<Commitment>list(
                "source = ?1 and ticketId = ?2 order by madeAt", t.source, t.id)
                .stream().map(c -> CommitmentView.of(c, now)).toList();
        return new TicketView(t.id, t.source, t.subject, t.priority, t.status, t.channel,
                PersonColumns.toPerson(t.requester), PersonColumns.toPerson(t.assignee), t.team, t.slaPolicy,
                t.placeholder, t.createdAt, t.resolvedAt, t.recurrences, t.clocksPaused, clocks.of(t.ref()),
                commitments);
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "A ticket's documented interactions and what people did on it through Promesa, in the "
            + "order they were recorded")
    public List<TimelineView> timeline(@PathParam("ticketId") String ticketId,
            @Parameter(description = "operator keys: the source, when several have this ticket id") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        Ticket t = find(SourceScope.of(request, source), ticketId);
        return Timelines.of(t);
    }

    /** The ticket in the caller's scope, or 404 (never a hint that another source has it). */
    public static Ticket find(SourceScope scope, String ticketId) {
        List<Ticket> found = scope.nothing()
                ? List.of()
                : scope.source().map(s -> Ticket.<Ticket>list("source = ?1 and id = ?2", s, ticketId))
                        .orElseGet(() -> Ticket.list("id = ?1 order by source", ticketId));
        if (found.isEmpty()) {
            throw new NotFoundException("No ticket '" + ticketId + "' has been received by followup-service");
        }
        if (found.size() > 1) {
            throw new BadRequestException("Ticket '" + ticketId + "' exists in several sources ("
                    + found.stream().map(t -> t.source).toList() + "); add ?source= to say which");
        }
        return found.get(0);
    }
}
