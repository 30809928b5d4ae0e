package dev.promesa.followup.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many sign-in links one client (an IP address) may ask for in a sliding window, whatever addresses it types: a
 * script that tries a list of addresses is stopped after {@code limit}. In memory, per followup instance; the clients
 * seen last are kept, at most {@code maxClients} (the oldest are forgotten first).
 */
public final class ClientLimit {

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final LinkedHashMap<String, Deque<Instant>> requests = new LinkedHashMap<>(16, 0.75f, true);

    public ClientLimit(int limit, Duration window, int maxClients) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("A client limit needs a limit ≥ 1, a positive window and room for "
                    + "one client at least: " + limit + ", " + window + ", " + maxClients);
        }
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
    }

    /** Says whether this request is within the limit, and counts it if it is. */
    public synchronized boolean allow(String client, Instant now) {
        Deque<Instant> times = requests.computeIfAbsent(client == null ? "" : client, c -> new ArrayDeque<>());
        Instant from = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        if (requests.size() > maxClients) {
            Iterator<Map.Entry<String, Deque<Instant>>> oldest = requests.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** When this client may ask again: the moment its oldest counted request leaves the window. */
    public synchronized Duration retryAfter(String client, Instant now) {
        Deque<Instant> times = requests.get(client == null ? "" : client);
        if (times == null || times.size() < limit) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(window));
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
