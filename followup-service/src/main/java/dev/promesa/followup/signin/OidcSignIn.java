package dev.promesa.followup.signin;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import dev.promesa.followup.web.BoardRequest;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Pages;

/**
 * Signing in to the board through the company's identity provider: {@code GET /board/<source>/oidc[?back=path]}, the
 * OpenID Connect authorization code flow of quarkus-oidc ({@code quarkus.oidc.*}, off unless
 * {@code quarkus.oidc.tenant-enabled=true}).
 * <p>
 * A browser without a provider session is sent to the provider; the provider sends it back to this same path (the
 * redirect URI to register is {@code <board address>/board/<source>/oidc}), quarkus-oidc exchanges the code and checks
 * the ID token, and this page then runs with the person's identity. The provider only proves who the person is: the
 * ID token's {@code email} (with {@code email_verified} true when the provider sends that claim) must be a person the
 * source knows ({@link People}), who then gets a board session of ours ({@link Sessions}, method OIDC) and is sent on
 * to {@code back}. Anyone else gets a 403 page and no session. Either way quarkus-oidc's own session cookie is removed
 * at once: the board never reads it again, so it must not linger in the browser.
 * <p>
 * Without an identity provider (the default) this path sends the browser to the e-mail sign-in page.
 */
@Path("/board/{source}/oidc")
public class OidcSignIn {

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class);

    @CheckedTemplate
    static class Templates {
        /** @param reason {@code unknown}, {@code unverified} or {@code no-email} */
        static native TemplateInstance refused(Chrome chrome, String reason, String email);
    }

    private final People people;
    private final Sessions sessions;
    private final SecurityIdentity identity;
    private final OidcSession providerSession;
    private final boolean enabled;

    /** The ID token of the person the provider signed in (@IdToken qualifies fields, not constructor parameters). */
    @Inject
    @IdToken
    JsonWebToken idToken;

    OidcSignIn(People people, Sessions sessions, SecurityIdentity identity,
            OidcSession providerSession,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean enabled) {
        this.people = people;
        this.sessions = sessions;
        this.identity = identity;
        this.providerSession = providerSession;
        this.enabled = enabled;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@PathParam("source") String source, @QueryParam("back") String back,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (!enabled) {
            return Pages.signInFirst(source, back == null ? null : Pages.safeBack(source, back));
        }
        if (identity.isAnonymous()) {
            // quarkus-oidc's challenge: to the provider, which comes back here with the code
            throw new UnauthorizedException();
        }
        ProviderAccount account = ProviderAccount.of(idToken.getClaim(Claims.email.name()),
                idToken.getClaim(Claims.email_verified.name()));
        forgetProviderSession();
        BoardRequest request = Pages.request(source, headers);
        if (account.standing() != ProviderAccount.Standing.VERIFIED) {
            LOG.infof("Board: the identity provider signed in %s for %s without a verified e-mail address (%s)",
                    account.email() == null ? "subject " + idToken.getSubject() : account.email(), source,
                    account.standing());
            String reason = account.standing() == ProviderAccount.Standing.UNVERIFIED ? "unverified" : "no-email";
            return refused(source, request, reason, account.email());
        }
        Optional<People.Person> person = people.find(source, account.email());
        if (person.isEmpty()) {
            LOG.infof("Board: %s signed in with the identity provider but is not known to source %s",
                    account.email(), source);
            return refused(source, request, "unknown", account.email());
        }
        // the language the person chose on the board, if any; else each page works it out (Sessions.viewer)
        String language = Sessions.supported(request.languageCookie()).orElse(null);
        Sessions.Opened opened = sessions.open(person.get(), Sessions.Method.OIDC, language);
        return Response.seeOther(URI.create(Pages.safeBack(source, back)))
                .cookie(sessions.cookie(opened, uri)).build();
    }

    private Response refused(String source, BoardRequest request, String reason, String email) {
        String desk = people.deskName(source);
        Chrome chrome = new Chrome(source, desk, null, sessions.language(request), "sign-in",
                Chrome.base(source) + "/sign-in");
        return Pages.html(403, Templates.refused(chrome, reason, email), chrome);
    }

    /** Removes quarkus-oidc's session cookie; the board session (or the refusal) replaces it. */
    private void forgetProviderSession() {
        try {
            providerSession.logout().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("Board: could not remove the identity provider's session cookie: %s", e.getMessage());
        }
    }
}
