package dev.promesa.followup.link;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;

/**
 * The pages behind the signed links in emails: no API key (api-security's {@code ApiKeyFilter.LINK_PATHS}), the
 * token is the credential. A GET only shows what the link will do and a confirm button, because mail scanners and
 * link previews open every link in an email; only the POST of that button records anything. A page shows the ticket's
 * reference and subject, of the token's own source, and nothing else; every refused link (forged, expired, for
 * another page or another source, or for a ticket followup does not know) gets the same neutral page.
 */
@Path("/links/{source}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "Signed links", description = "The pages people open from an email; HTML, no API key")
public class LinkPages {

    private static final Set<Purpose> ACK = EnumSet.of(Purpose.ACK);
    private static final Set<Purpose> ANSWERS = EnumSet.of(Purpose.SATISFACTION_WORKS,
            Purpose.SATISFACTION_FAILED_AGAIN);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(LinkPage page);
    }

    private final LinkTokens tokens;
    private final LinkActions actions;

    LinkPages(LinkTokens tokens, LinkActions actions) {
        this.tokens = tokens;
        this.actions = actions;
    }

    @GET
    @Path("/ack/{token}")
    @Operation(summary = "'Me encargo' / 'I'm on it' from a staff alert: asks to confirm")
    public Response askTake(@PathParam("source") String source, @PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return withClaims(token, ACK, source, acceptLanguage, (claims, lang) -> {
            LinkActions.Outcome outcome = actions.look(claims);
            String line = LinkWording.ticketLine(lang, false, claims.ticketId(), outcome.subject());
            return switch (outcome.result()) {
                case OPEN -> LinkWording.askTake(lang, line, action(token), actions.hold());
                case ALREADY -> LinkWording.alreadyTaken(lang, line);
                case CLOSED -> LinkWording.promiseClosed(lang, line);
                case NOT_FOUND, RECORDED -> LinkWording.refused(lang, 404);
            };
        });
    }

    @POST
    @Path("/ack/{token}")
    @Operation(summary = "'Me encargo' / 'I'm on it', confirmed: recorded on the timeline, the escalation held")
    public Response take(@PathParam("source") String source, @PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return withClaims(token, ACK, source, acceptLanguage, (claims, lang) -> {
            LinkActions.Outcome outcome = actions.take(claims);
            String line = LinkWording.ticketLine(lang, false, claims.ticketId(), outcome.subject());
            return switch (outcome.result()) {
                case RECORDED -> LinkWording.taken(lang, line, outcome.escalationHeldUntil().isPresent(),
                        actions.hold());
                case ALREADY -> LinkWording.alreadyTaken(lang, line);
                case CLOSED -> LinkWording.promiseClosed(lang, line);
                case NOT_FOUND, OPEN -> LinkWording.refused(lang, 404);
            };
        });
    }

    @GET
    @Path("/answer/{token}")
    @Operation(summary = "An answer to the satisfaction check: asks to confirm")
    public Response askAnswer(@PathParam("source") String source, @PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return withClaims(token, ANSWERS, source, acceptLanguage, (claims, lang) -> {
            LinkActions.Outcome outcome = actions.look(claims);
            String line = LinkWording.ticketLine(lang, true, claims.ticketId(), outcome.subject());
            return switch (outcome.result()) {
                case OPEN -> LinkWording.askAnswer(lang, line, action(token), works(claims));
                case ALREADY -> LinkWording.alreadyAnswered(lang, line, outcome.earlierWorks());
                case NOT_FOUND, RECORDED, CLOSED -> LinkWording.refused(lang, 404);
            };
        });
    }

    @POST
    @Path("/answer/{token}")
    @Operation(summary = "An answer to the satisfaction check, confirmed: recorded; 'failed again' is a recurrence")
    public Response answer(@PathParam("source") String source, @PathParam("token") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return withClaims(token, ANSWERS, source, acceptLanguage, (claims, lang) -> {
            LinkActions.Outcome outcome = actions.answer(claims);
            String line = LinkWording.ticketLine(lang, true, claims.ticketId(), outcome.subject());
            return switch (outcome.result()) {
                case RECORDED -> LinkWording.answered(lang, line, works(claims));
                case ALREADY -> LinkWording.alreadyAnswered(lang, line, outcome.earlierWorks());
                case NOT_FOUND, OPEN, CLOSED -> LinkWording.refused(lang, 404);
            };
        });
    }

    private interface PageFor {
        LinkPage page(Claims claims, String lang);
    }

    private Response withClaims(String token, Set<Purpose> purposes, String source, String acceptLanguage,
            PageFor page) {
        Optional<Claims> claims = tokens.verify(token, purposes, source);
        LinkPage shown = claims.isEmpty()
                ? LinkWording.refused(LinkWording.language(null, acceptLanguage), 403)
                : page.page(claims.get(), LinkWording.language(claims.get().locale(), acceptLanguage));
        return Response.status(shown.status()).entity(Templates.page(shown).render())
                .header(HttpHeaders.CONTENT_LANGUAGE, shown.lang()).build();
    }

    private static boolean works(Claims claims) {
        return claims.purpose() == Purpose.SATISFACTION_WORKS;
    }

    /** The form posts back to the page's own address (relative: right behind any proxy). */
    private static String action(String token) {
        return token;
    }
}
