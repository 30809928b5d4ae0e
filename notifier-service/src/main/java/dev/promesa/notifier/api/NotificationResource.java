package dev.promesa.notifier.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import dev.promesa.notifier.delivery.Notification;
import dev.promesa.notifier.delivery.NotificationState;
import dev.promesa.notifier.delivery.Resend;
import dev.promesa.notifier.writeback.WriteBackLog;
import dev.promesa.notifier.writeback.WriteBackView;
import dev.promesa.security.ApiProblem;
import dev.promesa.security.SourceScope;

/**
 * Read API over the notification log: what was (or could not be) emailed to whom, and why. A source's key sees that
 * source's notifications only; an operator key sees every source's, or one with {@code ?source=}. An operator key can
 * also send a FAILED notification again.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    static final int MAX_SIZE = 200;

    @Inject
    WriteBackLog writeBacks;

    @Inject
    Resend resend;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "List notifications", description = "Filter by ticket, recipient (e-mail address, any case) "
            + "and state (PENDING, SENT, FAILED, MERGED, WITHDRAWN); held=true: staff emails waiting for the recipient's "
            + "working hours (heldUntil); newest first.")
    public NotificationPage list(@QueryParam("ticketId") String ticketId,
            @QueryParam("recipient") String recipient,
            @Parameter(description = "PENDING, SENT, FAILED, MERGED or WITHDRAWN") @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @Parameter(description = "include the text and HTML bodies") @QueryParam("bodies") boolean bodies,
            @Parameter(description = "operator keys: only this source") @QueryParam("source") String source,
            @Parameter(description = "only staff emails waiting for working hours") @QueryParam("held") boolean held,
            @Context ContainerRequestContext request) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
        SourceScope scope = SourceScope.of(request, source);
        if (scope.nothing()) {
            return new NotificationPage(page, size, 0, List.of());
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        scope.source().ifPresent(s -> {
            where.add("source = :source");
            params.and("source", s);
        });
        if (ticketId != null && !ticketId.isBlank()) {
            where.add("ticketId = :ticketId");
            params.and("ticketId", ticketId);
        }
        if (recipient != null && !recipient.isBlank()) {
            where.add("recipient = :recipient");
            params.and("recipient", recipient.trim().toLowerCase(Locale.ROOT));
        }
        if (state != null && !state.isBlank()) {
            where.add("state = :state");
            params.and("state", parseState(state));
        }
        if (held) {
            where.add("state = :pending and heldUntil > :now");
            params.and("pending", NotificationState.PENDING).and("now", clock.instant());
        }
        PanacheQuery<Notification> query = Notification.find(String.join(" and ", where),
                Sort.descending("createdAt").and("id"), params.map());
        List<Notification> found = query.page(Page.of(page, size)).list();
        Map<UUID, WriteBackView> notes = writeBacks.find(found.stream().map(n -> n.id).toList());
        List<NotificationView> items = found.stream()
                .map(n -> NotificationView.of(n, bodies, notes.get(n.id))).toList();
        return new NotificationPage(page, size, query.count(), items);
    }

    @POST
    @Path("{id}/resend")
    @Operation(summary = "Send a FAILED notification again (operator key)", description = "Puts the email back in the "
            + "queue, due at once, with a fresh retry budget (attempts start again from 0; resends, resentAt and "
            + "resentVia show it). Answers 202 with the notification. Only FAILED can be resent: 409 for PENDING or "
            + "SENT (a second copy is never sent) and for a notification nobody could receive; 403 for a source's "
            + "key; 404 for an unknown id or another source's notification.")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "409", description = "Not FAILED, or nothing to send")
    public Response resend(@PathParam("id") UUID id, @Context ContainerRequestContext request) {
        SourceScope scope = SourceScope.of(request, null);
        Resend.Outcome outcome = resend.byOperator(id, scope::includes, scope.allSources());
        if (outcome instanceof Resend.Queued) {
            return Response.accepted(view(id)).build();
        }
        if (outcome instanceof Resend.NotFound) {
            throw new NotFoundException("no notification " + id);
        }
        ApiProblem problem;
        if (outcome instanceof Resend.NotAllowed) {
            problem = ApiProblem.of(403, "operator-key-required", "Operator key required",
                    "Sending a notification again is an operator's action: use a key of source '*' "
                            + "(promesa.api-keys). This key can read the notification, not resend it.");
        } else if (outcome instanceof Resend.NotFailed notFailed) {
            problem = ApiProblem.of(409, "not-failed", "Only a FAILED notification can be sent again",
                    "Notification " + id + " is " + notFailed.state()
                            + (notFailed.state() == NotificationState.SENT
                                    ? ": it was sent, and Promesa never sends a second copy."
                                    : ": it is still being tried. It is sent as soon as the SMTP server takes it, or "
                                            + "becomes FAILED once its retry budget (promesa.delivery.retry-for) is "
                                            + "spent."));
        } else {
            problem = ApiProblem.of(409, "nothing-to-send", "Nobody to send it to",
                    "Notification " + id + " has no email, because nobody could receive it ("
                            + ((Resend.NothingToSend) outcome).reason() + "). Configure the recipient, then replay "
                            + "the alert's dead letter: its email is written then.");
        }
        return problem.at("/api/v1/notifications/" + id + "/resend").toResponse();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One notification, with its bodies; another source's answers 404")
    public NotificationView get(@PathParam("id") UUID id, @Context ContainerRequestContext request) {
        Notification n = Notification.findById(id);
        if (n == null || !SourceScope.of(request, null).includes(n.source)) {
            throw new NotFoundException("no notification " + id);
        }
        return NotificationView.of(n, true, writeBacks.find(List.of(id)).get(id));
    }

    private NotificationView view(UUID id) {
        Notification n = Notification.findById(id);
        return NotificationView.of(n, true, writeBacks.find(List.of(id)).get(id));
    }

    private static NotificationState parseState(String state) {
        try {
            return NotificationState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "state must be PENDING, SENT, FAILED, MERGED or WITHDRAWN, not '" + state + "'");
        }
    }
}
