package dev.promesa.notifier.writeback;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.promesa.notifier.http.HttpAnswers;

/**
 * The one way notifier calls a desk: the JDK's HTTP client, JSON in and out, the account's {@code Authorization}
 * header, every call bounded by {@code promesa.write-back.timeout} (connect and answer), redirects not followed (a
 * redirect would carry the credential elsewhere; it means the base URL is wrong). Answers are sorted into success,
 * worth retrying, and not.
 */
public final class DeskHttp {
    /** Statuses after which the same request may well succeed later. */
    static final Set<Integer> RETRYABLE = Set.of(408, 409, 425, 429);

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;

    DeskHttp(ObjectMapper mapper, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.mapper = mapper;
        this.timeout = timeout;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** GET {@code path}; the answer's JSON. */
    JsonNode get(DeskAccount account, String path) throws DeskCallFailure {
        return send(account, "GET", path, null);
    }

    /** {@code method} {@code path} with {@code body} as JSON; the answer's JSON ({@link MissingNode} if none). */
    JsonNode send(DeskAccount account, String method, String path, Object body) throws DeskCallFailure {
        String what = method + " " + account.baseUrl().getPath() + path.replaceFirst("\\?.*", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(account.resolve(path)).timeout(timeout)
                .header("Authorization", account.authorization())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeskCallFailure(what + ": no answer within " + timeout, true, true, Optional.empty());
        } catch (IOException e) {
            throw new DeskCallFailure(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true, true, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeskCallFailure(what + ": interrupted", true, true, Optional.empty());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body());
        }
        String message = what + " answered " + status + excerpt(response.body());
        if (status >= 300 && status < 400) {
            throw DeskCallFailure.permanent(message + " (a redirect to "
                    + response.headers().firstValue("Location").orElse("?")
                    + "; set write-back.base-url to the desk's own https address)");
        }
        boolean retryable = status >= 500 || RETRYABLE.contains(status);
        throw new DeskCallFailure(message, retryable, status >= 500 || status == 429,
                response.headers().firstValue("Retry-After").flatMap(DeskHttp::retryAfter));
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a note request as JSON", e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // The desk took the note (2xx); an answer we cannot read does not undo that.
            return MissingNode.getInstance();
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(String value) {
        return HttpAnswers.retryAfter(value);
    }

    /** The start of an error body, on one line, masked ({@link HttpAnswers#excerpt}). */
    static String excerpt(String body) {
        return HttpAnswers.excerpt(body);
    }
}
