package dev.promesa.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault run's timeline: one phase after another, each from its start to the next one's. Whatever happens at an
 * instant (an answer, an alert on the topic, an email) belongs to the phase that was running then.
 */
final class Phases {
    record Phase(String name, String fault, Instant start) {
    }

    private final List<Phase> phases = new ArrayList<>();

    synchronized void begin(String name, String fault) {
        phases.add(new Phase(name, fault, Instant.now()));
        System.out.printf("[fault-run] %s — phase %s: %s%n", Instant.now(), name, fault);
    }

    synchronized String current() {
        return phases.isEmpty() ? "start-up" : phases.get(phases.size() - 1).name();
    }

    /** The phase running at {@code instant}; before the first one: the first one. */
    synchronized String at(Instant instant) {
        String name = phases.get(0).name();
        for (Phase phase : phases) {
            if (!phase.start().isAfter(instant)) {
                name = phase.name();
            }
        }
        return name;
    }

    synchronized List<Phase> all() {
        return List.copyOf(phases);
    }
}
