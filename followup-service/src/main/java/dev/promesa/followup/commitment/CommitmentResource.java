package dev.promesa.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.promesa.followup.api.QueryParams;
import dev.promesa.security.SourceScope;

/** The caller's source's commitments; an operator key sees every source's, or one with {@code ?source=}. */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    private static final int MAX_RESULTS = 1000;

    private final Clock clock;

    CommitmentResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Commitments, newest due last, filtered by state, assignee and team (at most 1000)")
    public List<CommitmentView> list(
            @Parameter(description = "OPEN, KEPT or SETTLED") @QueryParam("state") String state,
            @Parameter(description = "agent id: who made the promise or the ticket's assignee") @QueryParam("assignee") String assignee,
            @Parameter(description = "the ticket's team") @QueryParam("team") String team,
            @Parameter(description = "operator keys: only this source") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        SourceScope scope = SourceScope.of(request, source);
        if (scope.nothing()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder(
                "select c from Commitment c, Ticket t where t.source = c.source and t.id = c.ticketId");
        Map<String, Object> params = new HashMap<>();
        scope.source().ifPresent(s -> {
            query.append(" and c.source = :source");
            params.put("source", s);
        });
        CommitmentState wanted = QueryParams.enumValue(CommitmentState.class, "state", state);
        if (wanted != null) {
            query.append(" and c.state = :state");
            params.put("state", wanted);
        }
        if (assignee != null && !assignee.isBlank()) {
            query.append(" and (c.agentId = :assignee or t.assignee.id = :assignee)");
            params.put("assignee", assignee);
        }
        if (team != null && !team.isBlank()) {
            query.append(" and t.team = :team");
            params.put("team", team);
        }
        query.append(" order by c.dueAt");
        var typed = Commitment.getEntityManager().createQuery(query.toString(), Commitment.class)
                .setMaxResults(MAX_RESULTS);
        params.forEach(typed::setParameter);
        Instant now = clock.instant();
        return typed.getResultList().stream().map(c -> CommitmentView.of(c, now)).toList();
    }
}
