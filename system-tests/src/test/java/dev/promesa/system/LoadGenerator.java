package dev.promesa.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a steady stream of tickets to intake, each as three events (snapshot, user message, the agent's reply; every
 * {@value #PROMISE_EVERY}th reply carries a promise due a few seconds later), like a help desk would: a 503 is retried with the same event ids after its
 * {@code Retry-After}, until intake acknowledges. Every answer goes into the {@link Ledger}.
 */
final class LoadGenerator implements AutoCloseable {
    static final String TEAM = "service-desk";
    static final String DOMAIN = "fault.example";
    /** One reply in this many makes a promise (the rest are plain replies: events without alerts). */
    static final int PROMISE_EVERY = 2;
    /** A help desk gives up on an event after this long; the test then fails (not acknowledged ≠ lost, but unfit). */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI intake;
    private final Phases phases;
    private final Ledger ledger;
    private final Duration dueIn;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger sequence = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    /** Many posters: while Kafka is down each one waits publish-timeout + Retry-After per attempt. */
    private final ExecutorService posters = Executors.newFixedThreadPool(64);

    LoadGenerator(URI intake, Phases phases, Ledger ledger, Duration dueIn) {
        this.intake = intake;
        this.phases = phases;
        this.ledger = ledger;
        this.dueIn = dueIn;
    }

    /** Starts posting {@code ticketsPerSecond} tickets (three events each) per second. */
    void start(int ticketsPerSecond) {
        ticker.scheduleAtFixedRate(() -> posters.submit(this::postOneTicket), 0, 1000 / ticketsPerSecond,
                TimeUnit.MILLISECONDS);
    }

    /** Stops generating and waits until every started ticket was acknowledged or given up. */
    void stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        posters.shutdown();
        if (!posters.awaitTermination(GIVE_UP_AFTER.plusSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The load generator's posters did not finish");
        }
    }

    /** {@code count} tickets in one {@code POST /events} batch, every promise due at {@code dueAt}. */
    List<Ledger.GeneratedTicket> burst(int count, Instant dueAt, String prefix) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Ledger.GeneratedTicket> tickets = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Ledger.GeneratedTicket ticket = newTicket(prefix, true);
            tickets.add(ticket);
            ledger.posted(ticket);
            items.add("{\"type\":\"ticket\"," + snapshot(ticket, now).substring(1));
            items.add("{\"type\":\"interaction\",\"ticketId\":\"" + ticket.ticketId() + "\","
                    + userMessage(ticket, now.plusMillis(1)).substring(1));
            items.add("{\"type\":\"interaction\",\"ticketId\":\"" + ticket.ticketId() + "\","
                    + promise(ticket, now.plusMillis(2), dueAt).substring(1));
        }
        List<String> eventIds = tickets.stream().flatMap(t -> t.eventIds().stream()).toList();
        post("/api/v1/events", "{\"events\":[" + String.join(",", items) + "]}", eventIds);
        return tickets;
    }

    private void postOneTicket() {
        Ledger.GeneratedTicket ticket = newTicket("F", false);
        ledger.posted(ticket);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String base = "/api/v1/tickets/" + ticket.ticketId();
        if (post("/api/v1/tickets", snapshot(ticket, now), List.of(ticket.snapshotEventId()))
                && post(base + "/interactions", userMessage(ticket, now.plusMillis(1)),
                        List.of(ticket.eventIds().get(1)))) {
            post(base + "/interactions", promise(ticket, now.plusMillis(2), now.plus(dueIn)),
                    List.of(ticket.eventIds().get(2)));
        }
    }

    private Ledger.GeneratedTicket newTicket(String prefix, boolean alwaysPromise) {
        int n = sequence.incrementAndGet();
        String ticketId = prefix + "-" + runId + "-" + n;
        boolean promise = alwaysPromise || n % PROMISE_EVERY == 0;
        return new Ledger.GeneratedTicket(ticketId, phases.current(), n % 2 == 0, "agent." + n + "@" + DOMAIN,
                "user." + n + "@" + DOMAIN, promise ? "c-" + ticketId : null,
                List.of(ticketId + ":ticket", ticketId + ":message", ticketId + ":promise"));
    }

    /** Posts until 202, retrying 503s after their Retry-After; false when it gave up or intake refused for good. */
    private boolean post(String path, String body, List<String> eventIds) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String what = "POST " + path + " " + eventIds.get(0) + (eventIds.size() > 1 ? " …" : "");
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(intake.resolve(path))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header(ApiKey.HEADER, ApiKey.VALUE).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    ledger.accepted(eventIds, phases.current());
                    return true;
                }
                if (response.statusCode() != 503) {
                    ledger.unexpected(what + " → " + response.statusCode() + " " + response.body());
                    return false;
                }
                Optional<String> retryAfter = response.headers().firstValue("Retry-After");
                ledger.unavailable(phases.current(), retryAfter, what);
                // the help desk's own back-off, as Retry-After asks: not a test wait
                Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter.map(Long::parseLong).orElse(1L)));
            } catch (IOException e) {
                ledger.unexpected(what + " → " + e);
                sleepQuietly(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ledger.gaveUp(what);
        return false;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String snapshot(Ledger.GeneratedTicket t, Instant at) {
        return """
                {"eventId":"%s","ticketId":"%s","occurredAt":"%s","subject":"Fault run %s","priority":"P3",\
                "status":"OPEN","channel":"WEB","requester":{"id":"u-%s","name":"User %s","email":"%s",\
                "locale":"es-ES"},"assignee":{"id":"a-%s","name":"Agent %s","email":"%s"},"team":"%s"}"""
                .formatted(t.snapshotEventId(), t.ticketId(), at, t.ticketId(), t.ticketId(), t.ticketId(), t.user(),
                        t.ticketId(), t.ticketId(), t.agent(), TEAM);
    }

    private static String userMessage(Ledger.GeneratedTicket t, Instant at) {
        return """
                {"eventId":"%s","occurredAt":"%s","kind":"USER_MESSAGE","channel":"WEB",\
                "author":{"id":"u-%s","role":"USER"},"visibility":"PUBLIC","body":"¿Hay novedades?"}"""
                .formatted(t.eventIds().get(1), at, t.ticketId());
    }

    private static String promise(Ledger.GeneratedTicket t, Instant at, Instant due) {
        if (!t.hasPromise()) {
            return """
                    {"eventId":"%s","occurredAt":"%s","kind":"AGENT_REPLY","channel":"EMAIL",\
                    "author":{"id":"a-%s","role":"AGENT"},"visibility":"PUBLIC","body":"Ya está resuelto."}"""
                    .formatted(t.eventIds().get(2), at, t.ticketId());
        }
        return """
                {"eventId":"%s","occurredAt":"%s","kind":"AGENT_REPLY","channel":"EMAIL",\
                "author":{"id":"a-%s","role":"AGENT"},"visibility":"PUBLIC","body":"Le escribo en unos segundos.",\
                "commitment":{"commitmentId":"%s","kind":"UPDATE","dueAt":"%s","description":"Dar novedades",\
                "promisedTo":"%s"}}"""
                .formatted(t.eventIds().get(2), at, t.ticketId(), t.commitmentId(), due,
                        t.promisedToUser() ? "USER" : "TEAM");
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        posters.shutdownNow();
    }
}
