package dev.promesa.followup.board;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.action.ActionRequest;
import dev.promesa.followup.action.PromiseActions;
import dev.promesa.followup.commitment.ActionRefused;
import dev.promesa.followup.commitment.PromiseAction;
import dev.promesa.followup.link.LinkActions;
import dev.promesa.followup.signin.People;
import dev.promesa.followup.signin.Secrets;
import dev.promesa.followup.signin.Sessions;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Pages;
import dev.promesa.followup.web.Times;
import dev.promesa.followup.web.Viewer;

/**
 * What a person does to a promise from the board: confirm a suggested one, reschedule, cancel with a reason, mark it
 * kept (the API's actions, {@link PromiseActions}, with the same rules and timeline entries, the person's address as
 * the actor), and "Me encargo" / "I'm on it" (the email link's action, {@link LinkActions}). Every form carries the
 * session's CSRF token; a POST without it changes nothing (403). The answer is a 303 back to the page, with a notice
 * saying what happened or what to fix.
 */
@Path("/board/{source}/tickets/{ticketId}/promises/{commitmentId}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Tag(name = "Board")
public class BoardActions {

    private static final Logger LOG = Logger.getLogger(BoardActions.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance expired(Chrome chrome, String back);
    }

    private final Sessions sessions;
    private final People people;
    private final BoardQueries queries;
    private final PromiseActions actions;
    private final LinkActions links;

    BoardActions(Sessions sessions, People people, BoardQueries queries, PromiseActions actions, LinkActions links) {
        this.sessions = sessions;
        this.people = people;
        this.queries = queries;
        this.actions = actions;
        this.links = links;
    }

    @POST
    @Path("/{action}")
    @Operation(summary = "An action on a promise from the board (confirm, reschedule, cancel, keep, take)")
    public Response act(@PathParam("source") String source, @PathParam("ticketId") String ticketId,
            @PathParam("commitmentId") String commitmentId, @PathParam("action") String action,
            @FormParam("csrf") String csrf, @FormParam("dueAt") String dueAt, @FormParam("reason") String reason,
            @FormParam("back") String back, @Context HttpHeaders headers, @Context UriInfo uri) {
        String ticketPage = Chrome.base(source) + "/tickets/" + encode(ticketId);
        String backTo = Pages.safeBack(source, back == null || back.isBlank() ? ticketPage : back);
        Optional<Viewer> signedIn = sessions.viewer(Pages.request(source, headers));
        if (signedIn.isEmpty()) {
            return Pages.signInFirst(source, ticketPage);
        }
        Viewer viewer = signedIn.get();
        if (!Secrets.same(viewer.csrfToken(), csrf)) {
            LOG.warnf("Board: a %s of promise %s on ticket %s/%s without the session's form token was refused",
                    action, commitmentId, source, ticketId);
            Chrome chrome = new Chrome(source, people.deskName(source), viewer, viewer.language(), "", backTo);
            return Pages.html(403, Templates.expired(chrome, backTo), chrome);
        }
        Optional<BoardQueries.TicketScope> scope = queries.ticketScope(source, ticketId);
        if (scope.isEmpty() || !scope.get().visibleTo(viewer)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        TicketRef ticket = new TicketRef(source, ticketId);
        if ("take".equals(action)) {
            return take(viewer, ticket, commitmentId, backTo);
        }
        Optional<PromiseAction.Type> type = PromiseAction.Type.ofPath(action);
        if (type.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Optional<Instant> due = Times.fromField(dueAt, viewer.zone());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Optional<String> problem = problem(type.get(), dueAt, due, why, queries.now());
        if (problem.isPresent()) {
            return Pages.seeOther(with(backTo, "error", problem.get()));
        }
        try {
            actions.act(ticket, type.get(), commitmentId, new ActionRequest(viewer.email(), due.orElse(null), why),
                    Optional.empty());
            return Pages.seeOther(with(backTo, "notice", type.get().path()));
        } catch (PromiseActions.Refused e) {
            return e.status() == 404
                    ? Response.status(Response.Status.NOT_FOUND).build()
                    : Pages.seeOther(with(backTo, "error", e.getMessage()));
        } catch (ActionRefused e) {
            return Pages.seeOther(with(backTo, "error",
                    e.reason() == ActionRefused.Reason.STATE ? "closed" : e.getMessage()));
        }
    }

    private Response take(Viewer viewer, TicketRef ticket, String commitmentId, String backTo) {
        String role = viewer.ledTeams().isEmpty() ? "AGENT" : "LEAD";
        LinkActions.Outcome outcome = links.take(ticket, commitmentId, viewer.email(), role, viewer.language());
        return switch (outcome.result()) {
            case RECORDED -> Pages.seeOther(with(backTo, "notice", "take"));
            case ALREADY -> Pages.seeOther(with(backTo, "notice", "take-again"));
            case CLOSED -> Pages.seeOther(with(backTo, "error", "closed"));
            case NOT_FOUND, OPEN -> Response.status(Response.Status.NOT_FOUND).build();
        };
    }

    /** What the board checks before the rules do, to say it in the person's words. */
    static Optional<String> problem(PromiseAction.Type type, String dueField, Optional<Instant> due, String reason,
            Instant now) {
        boolean needsTime = type == PromiseAction.Type.RESCHEDULE;
        if (needsTime && due.isEmpty() || dueField != null && !dueField.isBlank() && due.isEmpty()) {
            return Optional.of("due-missing");
        }
        if ((type == PromiseAction.Type.RESCHEDULE || type == PromiseAction.Type.CONFIRM) && due.isPresent()
                && !due.get().isAfter(now)) {
            return Optional.of("due-past");
        }
        if (type == PromiseAction.Type.CANCEL && reason == null) {
            return Optional.of("reason-missing");
        }
        return Optional.empty();
    }

    /** The page to come back to, with one more query parameter (the notice to show, or the error). */
    static String with(String path, String name, String value) {
        String clean = path.replaceAll("([?&])(notice|error)=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return clean + (clean.contains("?") ? "&" : "?") + name + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
