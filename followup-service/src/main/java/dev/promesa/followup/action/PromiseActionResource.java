package dev.promesa.followup.action;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.promesa.followup.commitment.ActionRefused;
import dev.promesa.followup.commitment.PromiseAction;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.followup.ticket.TicketResource;
import dev.promesa.security.ApiProblem;
import dev.promesa.security.SourceScope;

/**
 * Acting on a promise (DESIGN.md, "Acting on promises"): confirm a suggested one, reschedule, cancel or keep it. Each
 * answers with the promise as it is afterwards. Another source's ticket or promise is 404, like one that does not
 * exist; an action the promise's state does not allow is 409, naming the state; a wrong request is 400. With an
 * {@code Idempotency-Key}, a retry within 24 hours gets the first answer again ({@code Idempotent-Replayed: true}).
 */
@Path("/api/v1/tickets/{ticketId}/commitments/{commitmentId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PromiseActionResource {

    private final PromiseActions actions;

    PromiseActionResource(PromiseActions actions) {
        this.actions = actions;
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Confirm a suggested promise: from now on it is tracked and alerted like any other", description = "dueAt is required when the suggestion has no time (\"en breve\"), and may replace the "
            + "recognised one.")
    @APIResponse(responseCode = "200", description = "the promise, OPEN")
    @APIResponse(responseCode = "409", description = "the promise is kept, settled or cancelled")
    public Response confirm(@PathParam("ticketId") String ticketId, @PathParam("commitmentId") String commitmentId,
            @QueryParam("source") @Parameter(description = "operator keys: the ticket's source") String source,
            @HeaderParam("Idempotency-Key") String key, ActionRequest body, @Context ContainerRequestContext request) {
        return act(ticketId, commitmentId, PromiseAction.Type.CONFIRM, source, key, body, request);
    }

    @POST
    @Path("/reschedule")
    @Operation(summary = "Give a promise a new due time (dueAt, in the future; reason optional)", description = "Its pending alerts are withdrawn and scheduled again for the new time. A suggested promise "
            + "rescheduled is confirmed with that time.")
    @APIResponse(responseCode = "200", description = "the promise, OPEN with its new due time")
    @APIResponse(responseCode = "400", description = "no dueAt, or one not in the future")
    @APIResponse(responseCode = "409", description = "the promise is kept, settled or cancelled")
    public Response reschedule(@PathParam("ticketId") String ticketId, @PathParam("commitmentId") String commitmentId,
            @QueryParam("source") @Parameter(description = "operator keys: the ticket's source") String source,
            @HeaderParam("Idempotency-Key") String key, ActionRequest body, @Context ContainerRequestContext request) {
        return act(ticketId, commitmentId, PromiseAction.Type.RESCHEDULE, source, key, body, request);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Withdraw a promise (reason required): its pending alerts are withdrawn")
    @APIResponse(responseCode = "200", description = "the promise, CANCELLED")
    @APIResponse(responseCode = "400", description = "no reason")
    @APIResponse(responseCode = "409", description = "the promise is kept or settled")
    public Response cancel(@PathParam("ticketId") String ticketId, @PathParam("commitmentId") String commitmentId,
            @QueryParam("source") @Parameter(description = "operator keys: the ticket's source") String source,
            @HeaderParam("Idempotency-Key") String key, ActionRequest body, @Context ContainerRequestContext request) {
        return act(ticketId, commitmentId, PromiseAction.Type.CANCEL, source, key, body, request);
    }

    @POST
    @Path("/keep")
    @Operation(summary = "Mark a promise kept (done outside the help desk, e.g. a call): its pending alerts are "
            + "withdrawn")
    @APIResponse(responseCode = "200", description = "the promise, KEPT (late if past its due time)")
    @APIResponse(responseCode = "409", description = "the promise is settled or cancelled")
    public Response keep(@PathParam("ticketId") String ticketId, @PathParam("commitmentId") String commitmentId,
            @QueryParam("source") @Parameter(description = "operator keys: the ticket's source") String source,
            @HeaderParam("Idempotency-Key") String key, ActionRequest body, @Context ContainerRequestContext request) {
        return act(ticketId, commitmentId, PromiseAction.Type.KEEP, source, key, body, request);
    }

    private Response act(String ticketId, String commitmentId, PromiseAction.Type type, String source, String key,
            ActionRequest body, ContainerRequestContext request) {
        Ticket ticket = TicketResource.find(SourceScope.of(request, source), ticketId);
        PromiseActions.Answer answer = actions.act(ticket.ref(), type, commitmentId, body,
                Optional.ofNullable(key).filter(k -> !k.isBlank()));
        Response.ResponseBuilder response = Response.ok(answer.commitment());
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response refusedByRules(ActionRefused e, UriInfo uri) {
        ApiProblem problem = e.reason() == ActionRefused.Reason.STATE
                ? ApiProblem.of(409, "promise-state", "Not allowed in the promise's state", e.getMessage())
                : ApiProblem.of(400, "invalid-action", "Invalid action", e.getMessage());
        return problem.at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response refused(PromiseActions.Refused e, UriInfo uri) {
        ApiProblem problem = switch (e.status()) {
            case 404 -> ApiProblem.of(404, "not-found", "Not Found", e.getMessage());
            case 422 -> ApiProblem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
            default -> ApiProblem.of(400, "invalid-action", "Invalid action", e.getMessage());
        };
        return problem.at(uri.getPath()).toResponse();
    }
}
