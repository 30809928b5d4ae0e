package dev.promesa.notifier.writeback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for one help desk's API (the desks cannot run here): it records every request and
 * answers the way the vendor documents it, refusing (401, 404, 400/422) a request whose method, path, authorization
 * header or JSON body is not the documented one. A test can script failures for one ticket ("500 once", "503
 * always") before the desk's normal answer. Also the stand-in for the chat webhooks (chat.FakeChat), which carry no
 * {@code Authorization} header: an expected authorization of null means none.
 */
public abstract class RecordingDesk implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived; {@code ticket} is the ticket it was about, as Promesa names it, once known. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
            String ticket) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(int status, Object body) {
            try {
                return new Answer(status, JSON.writeValueAsString(body), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public Answer withHeader(String name, String value) {
            return new Answer(status, body, Map.of(name, value));
        }
    }

    private final HttpServer server;
    private final String expectedAuthorization;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Request> notes = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    protected final AtomicLong ids = new AtomicLong(5000);

    protected RecordingDesk(String expectedAuthorization) {
        this.expectedAuthorization = expectedAuthorization;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String expectedAuthorization() {
        return expectedAuthorization;
    }

    /** Every request received, in order. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    /** The note-writing requests the desk accepted or refused, for one ticket (as Promesa names it). */
    public List<Request> notesFor(String ticket) {
        return notes.stream().filter(r -> ticket.equals(r.ticket())).toList();
    }

    /** Answers that come first for this ticket's note requests, one per request. */
    public void script(String ticket, Answer... answers) {
        scripted.put(ticket, new ArrayDeque<>(List.of(answers)));
    }

    /** Every note request for this ticket gets this answer. */
    public void always(String ticket, Answer answer) {
        always.put(ticket, answer);
    }

    /** The vendor's answer to a request whose authorization was right. */
    protected abstract Answer answer(Request request);

    /** How the vendor says "not authenticated". */
    protected abstract Answer unauthorized();

    /** Records a note request for {@code ticket}; a scripted failure for it comes first. */
    protected Optional<Answer> note(Request request, String ticket) {
        notes.add(new Request(request.method(), request.path(), request.query(), request.headers(), request.body(),
                ticket));
        Answer forced = always.get(ticket);
        if (forced != null) {
            return Optional.of(forced);
        }
        Deque<Answer> queue = scripted.get(ticket);
        return Optional.ofNullable(queue == null ? null : queue.poll());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    null);
            received.add(request);
            Answer answer;
            try {
                answer = java.util.Objects.equals(expectedAuthorization, request.header("Authorization"))
                        ? answer(request)
                        : unauthorized();
            } catch (RuntimeException e) {
                answer = Answer.json(400, Map.of("error", String.valueOf(e.getMessage())));
            }
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** A JSON request body, or a 400 answer naming what is wrong. */
    protected static JsonNode body(Request request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new IllegalArgumentException("Content-Type must be application/json, not " + type);
        }
        return request.json();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
