package dev.promesa.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load generator was told: every ticket it posted, which of its events intake acknowledged (202) and in which
 * phase, every 503 and its Retry-After, and anything else intake answered. The fault test compares it with followup's
 * state, the alerts topic and the SMTP inbox.
 */
final class Ledger {
    /**
     * One generated ticket: a snapshot, a user message and the agent's reply, which carries a promise on some tickets
     * ({@code commitmentId} not null), to the user or to the team.
     */
    record GeneratedTicket(String ticketId, String phase, boolean promisedToUser, String agent, String user,
            String commitmentId, List<String> eventIds) {
        boolean hasPromise() {
            return commitmentId != null;
        }

        String snapshotEventId() {
            return eventIds.get(0);
        }

        List<String> interactionEventIds() {
            return eventIds.subList(1, eventIds.size());
        }
    }

    private final ConcurrentMap<String, GeneratedTicket> tickets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> acceptedInPhase = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> unavailableByPhase = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> acceptedByPhase = new ConcurrentHashMap<>();
    private final List<String> unavailableWithoutRetryAfter = new CopyOnWriteArrayList<>();
    private final List<String> unexpectedAnswers = new CopyOnWriteArrayList<>();
    private final List<String> unacknowledged = new CopyOnWriteArrayList<>();

    void posted(GeneratedTicket ticket) {
        tickets.put(ticket.ticketId(), ticket);
    }

    void accepted(List<String> eventIds, String phase) {
        for (String eventId : eventIds) {
            if (acceptedInPhase.putIfAbsent(eventId, phase) == null) {
                acceptedByPhase.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    void unavailable(String phase, Optional<String> retryAfter, String what) {
        unavailableByPhase.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
        if (retryAfter.isEmpty()) {
            unavailableWithoutRetryAfter.add(what);
        }
    }

    void unexpected(String what) {
        unexpectedAnswers.add(what);
    }

    void gaveUp(String what) {
        unacknowledged.add(what);
    }

    boolean isAccepted(String eventId) {
        return acceptedInPhase.containsKey(eventId);
    }

    /** Tickets whose three events were all acknowledged: followup must know all of them. */
    List<GeneratedTicket> acknowledgedTickets() {
        return tickets.values().stream().filter(t -> t.eventIds().stream().allMatch(this::isAccepted)).toList();
    }

    int acceptedIn(String phase) {
        AtomicInteger count = acceptedByPhase.get(phase);
        return count == null ? 0 : count.get();
    }

    int unavailableIn(String phase) {
        AtomicInteger count = unavailableByPhase.get(phase);
        return count == null ? 0 : count.get();
    }

    int acceptedEvents() {
        return acceptedInPhase.size();
    }

    Map<String, GeneratedTicket> tickets() {
        return Map.copyOf(tickets);
    }

    List<String> unavailableWithoutRetryAfter() {
        return List.copyOf(unavailableWithoutRetryAfter);
    }

    List<String> unexpectedAnswers() {
        return List.copyOf(unexpectedAnswers);
    }

    List<String> unacknowledged() {
        return List.copyOf(unacknowledged);
    }
}
