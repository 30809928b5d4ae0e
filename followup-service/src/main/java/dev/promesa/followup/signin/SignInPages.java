package dev.promesa.followup.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.http.HttpServerRequest;

import dev.promesa.config.BoardConfig;
import dev.promesa.followup.web.BoardRequest;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Pages;

/**
 * Signing in to the board with a link sent by e-mail, {@code /board/<source>/sign-in}:
 * <ol>
 * <li>{@code GET}: the form, one address (and the identity provider's button when {@code quarkus.oidc} is on).</li>
 * <li>{@code POST email=…}: if the source knows the address ({@link People}) and it has links left this hour, a
 * single-use link is recorded ({@link SignInLinks}) and e-mailed, in the background. The page answers exactly the same
 * whether or not the address is known, was sent a link, or is over its limit: it never tells who works at a desk.
 * A client that asks too often ({@link ClientLimit}) gets 429.</li>
 * <li>{@code GET /<token>}: "sign in as …?" with one button. The link itself changes nothing, so a mail scanner that
 * opens it does not use it up.</li>
 * <li>{@code POST /<token>}: uses the link up, opens a session ({@link Sessions}) and goes on to {@code back}.</li>
 * </ol>
 */
@Path("/board/{source}/sign-in")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "Board", description = "The web pages where agents and leads see and act on their promises; HTML, "
        + "signed in per person")
public class SignInPages {

    private static final Logger LOG = Logger.getLogger(SignInPages.class);
    /** How long one try at sending a link may take before it counts as failed. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Something@something.something, without spaces or angle brackets; at most 254 characters (RFC 5321). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\"(),;:]+@[^\\s@<>\"(),;:]+\\.[^\\s@<>\"(),;:]+");

    @CheckedTemplate
    static class Templates {
        /** @param state {@code form}, {@code bad-email}, {@code signed-out} */
        static native TemplateInstance form(Chrome chrome, String state, String email, String back,
                String oidcHref);

        static native TemplateInstance sent(Chrome chrome, String email, long minutes);

        static native TemplateInstance tooMany(Chrome chrome, long minutes);

        static native TemplateInstance confirm(Chrome chrome, String email, String token, String back);

        static native TemplateInstance expired(Chrome chrome, long minutes);

        static native TemplateInstance linkMailSubject(String desk);

        static native TemplateInstance linkMail(String desk, String name, String link, long minutes);

        static native TemplateInstance linkMailText(String desk, String name, String link, long minutes);
    }

    private final People people;
    private final Sessions sessions;
    private final SignInLinks links;
    private final ReactiveMailer mailer;
    private final BoardConfig config;
    private final Clock clock;
    private final ClientLimit clients;
    private final boolean oidc;

    SignInPages(People people, Sessions sessions, SignInLinks links, ReactiveMailer mailer, BoardConfig config,
            Clock clock, @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidc) {
        this.people = people;
        this.sessions = sessions;
        this.links = links;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.clients = new ClientLimit(config.signInRequestsPerClient(), Duration.ofHours(1), 100_000);
        this.oidc = oidc;
    }

    @GET
    public Response form(@PathParam("source") String source, @QueryParam("back") String back,
            @QueryParam("notice") String notice, @Context HttpHeaders headers) {
        BoardRequest request = Pages.request(source, headers);
        if (sessions.viewer(request).isPresent()) {
            return Pages.seeOther(Pages.safeBack(source, back));
        }
        Chrome chrome = chrome(source, request, back);
        String state = "signed-out".equals(notice) ? "signed-out" : "form";
        return Pages.html(Templates.form(chrome, state, "", safe(source, back), oidcHref(source, back)), chrome);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@PathParam("source") String source, @FormParam("email") String email,
            @FormParam("back") String back, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest http) {
        BoardRequest request = Pages.request(source, headers);
        Chrome chrome = chrome(source, request, back);
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            return Pages.html(400, Templates.form(chrome, "bad-email", address, safe(source, back),
                    oidcHref(source, back)), chrome);
        }
        String client = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        if (!clients.allow(client, clock.instant())) {
            long minutes = Math.max(1, clients.retryAfter(client, clock.instant()).toMinutes() + 1);
            LOG.warnf("Board: %s asked for too many sign-in links for %s; refused for %d minutes", client, source,
                    minutes);
            return Response.fromResponse(Pages.html(429, Templates.tooMany(chrome, minutes), chrome))
                    .header("Retry-After", minutes * 60).build();
        }
        Optional<People.Person> person = people.find(source, address);
        if (person.isEmpty()) {
            LOG.infof("Board: a sign-in link was asked for %s, which source %s does not know; none sent", address,
                    source);
        } else {
            Optional<String> token = links.issue(person.get(), chrome.lang());
            if (token.isEmpty()) {
                LOG.warnf("Board: %s asked for more than %d sign-in links in an hour for %s; no more sent", address,
                        config.signInRequests(), source);
            } else {
                send(person.get(), link(source, token.get(), back, uri), chrome.lang());
            }
        }
        return Pages.html(Templates.sent(chrome, address.toLowerCase(Locale.ROOT), minutes()), chrome);
    }

    @GET
    @Path("/{token}")
    public Response confirm(@PathParam("source") String source, @PathParam("token") String token,
            @QueryParam("back") String back, @Context HttpHeaders headers) {
        BoardRequest request = Pages.request(source, headers);
        Chrome chrome = chrome(source, request, back);
        return links.peek(source, token)
                .map(link -> Pages.html(Templates.confirm(chrome, link.email(), token, safe(source, back)), chrome))
                .orElseGet(() -> expired(chrome));
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@PathParam("source") String source, @PathParam("token") String token,
            @FormParam("back") String back, @Context HttpHeaders headers, @Context UriInfo uri) {
        BoardRequest request = Pages.request(source, headers);
        Optional<SignInLinks.Link> link = links.redeem(source, token);
        Optional<People.Person> person = link.flatMap(l -> people.find(l.source(), l.email()));
        if (person.isEmpty()) {
            return expired(chrome(source, request, back));
        }
        String language = Sessions.supported(request.languageCookie()).orElse(link.get().language());
        Sessions.Opened opened = sessions.open(person.get(), Sessions.Method.EMAIL_LINK, language);
        return Response.fromResponse(Pages.seeOther(Pages.safeBack(source, back)))
                .cookie(sessions.cookie(opened, uri)).build();
    }

    private Response expired(Chrome chrome) {
        return Pages.html(410, Templates.expired(chrome, minutes()), chrome);
    }

    /** Sends the link without waiting: the page answers as fast for a known address as for an unknown one. */
    private void send(People.Person person, String link, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String desk = people.deskName(person.source());
        String subject = Templates.linkMailSubject(desk).setLocale(locale).render().strip();
        String html = Templates.linkMail(desk, person.name(), link, minutes()).setLocale(locale).render();
        String text = Templates.linkMailText(desk, person.name(), link, minutes()).setLocale(locale).render();
        Mail mail = Mail.withHtml(person.email(), subject, html).setText(text);
        // each try bounded (an SMTP conversation can stall without an error), then a second and a third try, 1 s and
        // 2 s later: a link that does not arrive leaves the person locked out
        mailer.send(mail).ifNoItem().after(SEND_TIMEOUT).fail()
                .onFailure().invoke(failure -> LOG.infof("Board: a try at sending the sign-in link for %s (%s) "
                        + "failed: %s", person.email(), person.source(), reason(failure)))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(2).subscribe().with(
                        done -> LOG.infof("Board: sign-in link sent to %s for %s", person.email(), person.source()),
                        failure -> LOG.warnf("Board: the sign-in link for %s (%s) could not be sent after 3 tries: %s. "
                                + "They can ask for another once the SMTP server (quarkus.mailer.*) answers.",
                                person.email(),
                                person.source(),
                                reason(failure)));
    }

    private static String reason(Throwable failure) {
        return failure instanceof TimeoutException
                ? "the SMTP server did not finish within " + SEND_TIMEOUT.toSeconds() + " s"
                : String.valueOf(failure.getMessage());
    }

    /** The link in the e-mail: the board's public address, else the one this request came in on. */
    private String link(String source, String token, String back, UriInfo uri) {
        String base = config.baseUrl().orElse(uri.getBaseUri().toString());
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return withBack(base + Chrome.base(source) + "/sign-in/" + token, source, back);
    }

    /** The page to come back to once signed in, if one was given and it is inside this source's board; else "". */
    private static String safe(String source, String back) {
        return back == null || back.isBlank() ? "" : Pages.safeBack(source, back);
    }

    /** {@code path?back=…} when there is a page to come back to, else {@code path}. */
    private static String withBack(String path, String source, String back) {
        String safe = safe(source, back);
        return safe.isEmpty() ? path : path + "?back=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }

    /** The identity provider's sign-in, when quarkus-oidc is on; else null. */
    private String oidcHref(String source, String back) {
        if (!oidc) {
            return null;
        }
        return withBack(Chrome.base(source) + "/oidc", source, back);
    }

    private long minutes() {
        return Math.max(1, config.signInTtl().toMinutes());
    }

    private Chrome chrome(String source, BoardRequest request, String back) {
        return new Chrome(source, people.deskName(source), null, sessions.language(request), "sign-in",
                withBack(Chrome.base(source) + "/sign-in", source, back));
    }
}
