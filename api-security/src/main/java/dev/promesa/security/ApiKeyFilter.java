package dev.promesa.security;

import java.util.Optional;

import jakarta.enterprise.event.Event;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Every request outside {@code /q} (health, metrics, OpenAPI stay open to the cluster) carries {@code X-Api-Key}:
 * unknown or missing → 401; over the key's rate → 429 with {@code Retry-After}; a request that names another source
 * than its key's (CloudEvents {@code ce-source} header) → 403. The key decides the source, which the resource reads
 * from the request property {@link #SOURCE_PROPERTY}.
 * <p>
 * Two exemptions: {@link #WEBHOOK_PATHS}, help desk webhooks, which authenticate with the desk's own signature instead
 * of a key, and {@link #LINK_PATHS}, the pages behind the signed links in emails, which authenticate with the link's
 * token ({@link SignedLinks}), and {@link #BOARD_PATHS}, the board's web pages, which authenticate each person with a
 * session cookie of their own (followup's {@code signin} package), never with a key. Nothing else is exempt.
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-Api-Key";
    public static final String SOURCE_PROPERTY = "promesa.source";
    /** The CloudEvents HTTP binding's header for the source; the only place a request could claim one. */
    public static final String CLAIMED_SOURCE_HEADER = "ce-source";
    /**
     * Help desk webhooks, {@code POST /api/v1/webhooks/{desk}/{source}} (intake-service). Zammad, Zendesk, Jira and
     * Freshdesk cannot send Promesa's {@code X-Api-Key}; the webhook resource authenticates each request instead, with
     * the source's webhook secret, against the desk's signature over the raw body (Freshdesk: the secret as Basic-auth
     * password or {@code X-Api-Key}) before anything is parsed or published, and the URL names the source. Not rate
     * limited by key (there is none); a refused signature costs one HMAC. Services without webhooks serve nothing here
     * (404). Matched on the normalized path, so no spelling of another path falls under it.
     */
    public static final String WEBHOOK_PATHS = "/api/v1/webhooks/";
    /**
     * The pages behind the signed links in emails, {@code /links/{source}/…/{token}} (followup-service): opened by a
     * person from an email, who has no key. Each page verifies the link's HMAC ({@link SignedLinks}) before it reads
     * anything, shows only the ticket the token names, and changes something only on a POST. Services without such
     * pages serve nothing here (404). Matched on the normalized path, like the webhooks.
     */
    public static final String LINK_PATHS = "/links/";

    /**
     * The board, {@code /board/…} (followup-service): web pages for people, signed in one by one (email link or OIDC)
     * with a session cookie; a page without a session sends the browser to the sign-in page. Services without a board
     * serve nothing here (404).
     */
    public static final String BOARD_PATHS = "/board/";
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeyAuthentication authentication;
    private final Event<ApiRequestRefused> refused;

    public ApiKeyFilter(ApiKeyAuthentication authentication, Event<ApiRequestRefused> refused) {
        this.authentication = authentication;
        this.refused = refused;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request, RoutingContext routing) {
        // The path Vert.x routed on (dot segments and double slashes resolved), so no spelling of a path skips this.
        String path = routing.normalizedPath();
        if (isOpen(path) || isWebhook(path) || isLinkPage(path) || isBoard(path)) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(HEADER);
        Optional<ApiKeys.ApiKey> key = authentication.find(presented);
        if (key.isEmpty()) {
            boolean missing = presented == null || presented.isBlank();
            LOG.debugf("401 for %s %s: %s key", request.getMethod(), routing.normalizedPath(),
                    missing ? "no" : "unknown");
            return refuse(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized", missing
                    ? "The " + HEADER + " header is missing. Send the key issued to you (ask the Promesa operators)."
                    : "The " + HEADER + " given is not a known key. Check the key issued to you; keys are "
                            + "case-sensitive.",
                    "missing-or-unknown-key", null, 0);
        }
        String source = key.get().source();
        long retryAfter = authentication.acquire(key.get());
        if (retryAfter > 0) {
            LOG.debugf("429 for key %s: over its rate limit", key.get().id());
            return refuse(Response.Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "The key of '" + source + "' is over its rate limit. Retry after " + retryAfter
                            + " s; send events in batches (POST /api/v1/events counts once) to need fewer requests.",
                    "rate-limited", source, retryAfter);
        }
        String claimed = request.getHeaderString(CLAIMED_SOURCE_HEADER);
        if (claimed != null && !claimed.trim().equals(source)) {
            LOG.warnf("403 for key %s: the request claims source '%s'", key.get().id(), claimed);
            return refuse(Response.Status.FORBIDDEN, "source-mismatch", "Source does not match the key",
                    "The " + CLAIMED_SOURCE_HEADER + " header says '" + claimed + "', but the key given belongs to '"
                            + source + "'. The key decides the source: drop the header or use that source's key.",
                    "source-mismatch", source, 0);
        }
        request.setProperty(SOURCE_PROPERTY, source);
        return Optional.empty();
    }

    /** Quarkus's own endpoints under {@code /q}; everything else, including unknown paths, needs a key. */
    static boolean isOpen(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    /** Under {@link #WEBHOOK_PATHS} with something after it: authenticated by the desk's signature, not a key. */
    static boolean isWebhook(String path) {
        return path.startsWith(WEBHOOK_PATHS) && path.length() > WEBHOOK_PATHS.length();
    }

    /** {@code /board} or under {@link #BOARD_PATHS}: authenticated by the person's session, not a key. */
    static boolean isBoard(String path) {
        return path.equals("/board") || path.startsWith(BOARD_PATHS);
    }

    /** Under {@link #LINK_PATHS} with something after it: authenticated by the link's signed token, not a key. */
    static boolean isLinkPage(String path) {
        return path.startsWith(LINK_PATHS) && path.length() > LINK_PATHS.length();
    }

    private Optional<Response> refuse(Response.Status status, String type, String title, String detail, String reason,
            String source, long retryAfter) {
        refused.fire(new ApiRequestRefused(status.getStatusCode(), reason, source));
        Response.ResponseBuilder response = Response.status(status).type(ApiProblem.MEDIA_TYPE)
                .entity(ApiProblem.of(status.getStatusCode(), type, title, detail));
        if (retryAfter > 0) {
            response.header("Retry-After", retryAfter);
        }
        if (status == Response.Status.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        }
        return Optional.of(response.build());
    }
}
