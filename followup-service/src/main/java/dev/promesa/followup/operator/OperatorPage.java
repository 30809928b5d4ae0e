package dev.promesa.followup.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.promesa.contracts.Topics;
import dev.promesa.followup.signin.People;
import dev.promesa.followup.signin.Secrets;
import dev.promesa.followup.signin.Sessions;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Pages;
import dev.promesa.followup.web.Times;
import dev.promesa.followup.web.Viewer;

/**
 * The operations page of a source's board, {@code /board/<source>/operator}, for the source's operators
 * ({@code promesa.sources.<source>.operators}) only: its FAILED emails with a resend button, its staff emails held for
 * working hours (both from notifier's REST API, {@link NotifierApi}) and its records in the dead-letter topics
 * ({@link DeadLetterCounts}). Nothing of another source is ever shown or resent. Someone not signed in is sent to the
 * sign-in page; a signed-in person who is not an operator gets the board's 404, as for a page that does not exist.
 */
@Path("/board/{source}/operator")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "Board", description = "The board's web pages; HTML, a person's session instead of an API key")
public class OperatorPage {

    /** The outcomes of a resend, as the page's {@code ?notice=} after the redirect. */
    static final Set<String> NOTICES = Set.of("resent", "not-failed", "nothing-to-send", "not-found",
            "key-not-operator", "key-refused", "unreachable", "not-connected", "error");

    private static final Logger LOG = Logger.getLogger(OperatorPage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, OperationsView view);

        static native TemplateInstance notFound(Chrome chrome);

        static native TemplateInstance expired(Chrome chrome);
    }

    private final Sessions sessions;
    private final NotifierApi notifier;
    private final DeadLetterCounts deadLetters;
    private final People people;
    private final Clock clock;

    OperatorPage(Sessions sessions, NotifierApi notifier, DeadLetterCounts deadLetters, People people, Clock clock) {
        this.sessions = sessions;
        this.notifier = notifier;
        this.deadLetters = deadLetters;
        this.people = people;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Operations: failed and held emails, dead-letter counts (the source's operators)")
    public Response show(@PathParam("source") String source, @QueryParam("notice") String notice,
            @Context HttpHeaders headers) {
        Optional<Viewer> viewer = sessions.viewer(Pages.request(source, headers));
        if (viewer.isEmpty()) {
            return Pages.signInFirst(source, path(source));
        }
        Chrome chrome = chrome(viewer.get());
        if (!viewer.get().operator()) {
            return Pages.html(404, Templates.notFound(chrome), chrome);
        }
        return Pages.html(
                Templates.page(chrome, view(viewer.get(), notice != null && NOTICES.contains(notice) ? notice : null)),
                chrome);
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Resend one FAILED email of the source (an operator, with the session's CSRF token)")
    public Response resend(@PathParam("source") String source, @FormParam("csrf") String csrf,
            @FormParam("id") String id, @Context HttpHeaders headers) {
        Optional<Viewer> viewer = sessions.viewer(Pages.request(source, headers));
        if (viewer.isEmpty()) {
            return Pages.signInFirst(source, path(source));
        }
        Chrome chrome = chrome(viewer.get());
        if (!viewer.get().operator()) {
            return Pages.html(404, Templates.notFound(chrome), chrome);
        }
        if (!Secrets.same(viewer.get().csrfToken(), csrf)) {
            return Pages.html(403, Templates.expired(chrome), chrome);
        }
        String outcome = resend(viewer.get(), id);
        return Pages.seeOther(path(source) + "?notice=" + outcome);
    }

    /** Resends the email if it is one of the viewer's source; the notice code of what happened. */
    private String resend(Viewer viewer, String id) {
        if (!notifier.connected()) {
            return "not-connected";
        }
        UUID notification;
        try {
            notification = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            return "not-found";
        }
        try {
            // another source's notification is "not found", as notifier answers a source's key
            NotifierApi.Reply found = notifier.notification(notification);
            if (!found.ok()) {
                return refusal(found);
            }
            if (!viewer.source().equals(NotifierAnswers.one(found.body()).source())) {
                return "not-found";
            }
            NotifierApi.Reply reply = notifier.resend(notification);
            if (reply.ok()) {
                LOG.infof("Board: %s resent notification %s of %s", viewer.email(), notification, viewer.source());
                return "resent";
            }
            return refusal(reply);
        } catch (NotifierApi.Unreachable e) {
            return "unreachable";
        } catch (NotifierAnswers.UnreadableAnswer e) {
            return "error";
        }
    }

    private static String refusal(NotifierApi.Reply reply) {
        Optional<String> problem = NotifierAnswers.problem(reply.body());
        return switch (reply.status()) {
            case 404 -> "not-found";
            case 409 -> problem.filter("nothing-to-send"::equals).orElse("not-failed");
            case 403 -> problem.filter("operator-key-required"::equals).map(p -> "key-not-operator")
                    .orElse("key-refused");
            case 401 -> "key-refused";
            default -> "error";
        };
    }

    private OperationsView view(Viewer viewer, String notice) {
        String source = viewer.source();
        DeadLetterCounts.Counted counted = deadLetters.of(source);
        List<OperationsView.DeadLetterLine> deadLetterLines = counted.topics().stream()
                .map(t -> new OperationsView.DeadLetterLine(t.topic(),
                        t.topic().equals(Topics.ALERTS_DLQ) ? "alerts" : "ingest", t.records(),
                        Times.at(t.latest(), clock.instant(), viewer.zone(), viewer.language())))
                .toList();
        String countedAt = Times.clock(counted.countedAt(), viewer.zone());
        String kafka = counted.failure().orElse(null);
        if (!notifier.connected()) {
            return new OperationsView(notice, "not-connected", notifier.url(), 0, List.of(), 0, List.of(), 0,
                    deadLetterLines, countedAt, counted.stillToRead(), kafka, viewer.csrfToken());
        }
        CompletableFuture<NotifierApi.Reply> failedCall = notifier.failed(source);
        CompletableFuture<NotifierApi.Reply> heldCall = notifier.held(source);
        String state = "ok";
        int status = 0;
        NotifierAnswers.Listing failed = new NotifierAnswers.Listing(List.of(), 0);
        NotifierAnswers.Listing held = new NotifierAnswers.Listing(List.of(), 0);
        try {
            NotifierApi.Reply failedReply = NotifierApi.await(failedCall);
            NotifierApi.Reply heldReply = NotifierApi.await(heldCall);
            NotifierApi.Reply refused = !failedReply.ok() ? failedReply : !heldReply.ok() ? heldReply : null;
            if (refused != null) {
                status = refused.status();
                state = status == 401 || status == 403 ? "key-refused" : "error";
            } else {
                failed = NotifierAnswers.listing(failedReply.body(), source);
                held = NotifierAnswers.listing(heldReply.body(), source);
            }
        } catch (NotifierApi.Unreachable e) {
            state = "unreachable";
        } catch (NotifierAnswers.UnreadableAnswer e) {
            state = "unreadable";
        }
        return new OperationsView(notice, state, notifier.url(), status,
                lines(failed.rows(), false, viewer, clock.instant()), failed.total(),
                lines(NotifierAnswers.byDeparture(held.rows()), true, viewer, clock.instant()), held.total(),
                deadLetterLines,
                countedAt, counted.stillToRead(), kafka, viewer.csrfToken());
    }

    private static List<OperationsView.Line> lines(List<EmailRow> rows, boolean held, Viewer viewer, Instant now) {
        return rows.stream().map(r -> new OperationsView.Line(r.id(), r.recipient(), r.kind(), r.ticketId(),
                r.lastError(), r.attempts(), r.resends(), Times.at(held
                        ? r.heldUntil()
                        : r.failingSince() != null ? r.failingSince() : r.createdAt(), now, viewer.zone(),
                        viewer.language())))
                .toList();
    }

    private Chrome chrome(Viewer viewer) {
        return new Chrome(viewer.source(), people.deskName(viewer.source()), viewer, viewer.language(), "operator",
                path(viewer.source()));
    }

    private static String path(String source) {
        return Chrome.base(source) + "/operator";
    }
}
