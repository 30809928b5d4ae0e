package dev.promesa.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The board (followup-service, {@code /board/<source>/…}): the web pages where agents and leads see and act on their
 * promises. People sign in one by one, never with an API key: by a single-use link sent to their address, or through
 * the company's identity provider ({@code quarkus.oidc.*}). Who counts as known, and who is an operator, is per
 * source: the tickets' assignees, the team directory ({@code promesa.teams.<team>.lead} / {@code .manager}) and
 * {@code promesa.sources.<source>.operators}.
 */
@ConfigMapping(prefix = "promesa.board")
public interface BoardConfig {

    /**
     * {@code promesa.board.base-url}: the board's public address as a person's browser reaches it
     * ({@code https://promesa.example.com}); sign-in links are {@code <base-url>/board/<source>/sign-in/…}. Else the
     * address the request for the link came in on.
     */
    Optional<String> baseUrl();

    /** {@code promesa.board.sign-in-ttl}: how long an emailed sign-in link works (once). */
    @WithDefault("PT15M")
    Duration signInTtl();

    /** {@code promesa.board.session-ttl}: how long a signed-in browser stays signed in. */
    @WithDefault("PT12H")
    Duration sessionTtl();

    /** {@code promesa.board.sign-in-requests}: sign-in links one address can ask for per hour; more are not sent. */
    @WithDefault("5")
    int signInRequests();

    /**
     * {@code promesa.board.sign-in-requests-per-client}: sign-in links one client address (the browser's IP, or the
     * proxy's {@code X-Forwarded-For} with {@code quarkus.http.proxy.proxy-address-forwarding=true}) can ask for per
     * hour, whatever addresses it types; more get a "too many requests" page. Counted in each followup instance's
     * memory.
     */
    @WithDefault("30")
    int signInRequestsPerClient();

    /**
     * {@code promesa.board.notifier-url}: where followup reaches notifier's REST API for the operations page
     * ({@code /board/<source>/operator}): the failed emails, the emails held for working hours, and the resend button.
     * Notifier's own {@code quarkus.http.port} is 8083.
     */
    @WithDefault("http://localhost:8083")
    String notifierUrl();

    /**
     * {@code promesa.board.notifier-api-key}: the key followup sends to notifier ({@code X-Api-Key}); it must be one of
     * notifier's {@code promesa.api-keys} for source {@code *} (an operator key), which alone may read any one source
     * and resend (env {@code PROMESA_BOARD_NOTIFIER_API_KEY}). No default: without it the operations page shows only
     * the dead-letter counts and says how to connect it.
     */
    Optional<String> notifierApiKey();

    /** {@code promesa.board.notifier-timeout}: how long the page waits for notifier before it says it is unreachable. */
    @WithDefault("PT3S")
    Duration notifierTimeout();
}
