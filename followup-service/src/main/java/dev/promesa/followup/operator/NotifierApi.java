package dev.promesa.followup.operator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.config.BoardConfig;

/**
 * notifier's REST API as the operations page uses it ({@code promesa.board.notifier-url}, with
 * {@code promesa.board.notifier-api-key}, an operator key): a source's FAILED and held notifications, one
 * notification, and the resend. Every call is bounded by {@code promesa.board.notifier-timeout}; a notifier that is
 * down, slow or not there is an {@link Unreachable}, never an exception for the page.
 */
@ApplicationScoped
public class NotifierApi {

    /** How many rows a list of the page asks for (notifier's largest page is 200). */
    static final int PAGE_SIZE = 50;

    private static final Logger LOG = Logger.getLogger(NotifierApi.class);

    /** What notifier answered: the HTTP status and the body. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** notifier did not answer in time, or could not be reached at all. */
    static final class Unreachable extends Exception {
        Unreachable(String reason) {
            super(reason);
        }
    }

    private final String baseUrl;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;

    NotifierApi(BoardConfig config) {
        String url = config.notifierUrl().strip();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = config.notifierApiKey().map(String::strip).filter(key -> !key.isEmpty());
        this.timeout = config.notifierTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether a key is configured; without one the page does not call notifier at all. */
    public boolean connected() {
        return apiKey.isPresent();
    }

    /** notifier's address, as the page names it when it is unreachable. */
    public String url() {
        return baseUrl;
    }

    /** Both lists of the page at once: the source's FAILED notifications and its emails held for working hours. */
    CompletableFuture<Reply> failed(String source) {
        return send(get("/api/v1/notifications?state=FAILED&size=" + PAGE_SIZE + "&source=" + encode(source)));
    }

    CompletableFuture<Reply> held(String source) {
        return send(get("/api/v1/notifications?held=true&size=" + PAGE_SIZE + "&source=" + encode(source)));
    }

    /** One ticket's notifications, of every state. */
    CompletableFuture<Reply> ofTicket(String source, String ticketId) {
        return send(get("/api/v1/notifications?size=" + PAGE_SIZE + "&source=" + encode(source) + "&ticketId="
                + encode(ticketId)));
    }

    Reply notification(UUID id) throws Unreachable {
        return await(send(get("/api/v1/notifications/" + id)));
    }

    Reply resend(UUID id) throws Unreachable {
        return await(send(request("/api/v1/notifications/" + id + "/resend")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** The reply of a call started with {@link #failed} or {@link #held}. */
    static Reply await(CompletableFuture<Reply> call) throws Unreachable {
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unreachable(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("X-Api-Key", apiKey.orElseThrow(() -> new IllegalStateException(
                        "promesa.board.notifier-api-key is not set: check connected() first")))
                .header("Accept", "application/json");
    }

    private CompletableFuture<Reply> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Reply(response.statusCode(), response.body()))
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Board: notifier did not answer %s %s within %s: %s. Check that notifier runs and "
                                + "promesa.board.notifier-url", request.method(), request.uri().getPath(), timeout,
                                describe(failure));
                    }
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof IOException && cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : String.valueOf(cause);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
