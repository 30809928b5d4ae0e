package dev.promesa.intake.webhook;

import java.util.ArrayList;
import java.util.List;

import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.intake.validation.Violation;

/**
 * What one delivery becomes: a ticket snapshot and, when it carries a comment, an interaction (either may be absent,
 * see each desk); or the violations that stop it (each naming the payload's field by its JSON path); or nothing, with
 * the reason, for deliveries Promesa has no use for (they are answered 2xx so the desk does not retry them).
 */
public record Mapping(TicketSnapshot ticket, Interaction interaction, List<Violation> violations, String ignored) {

    public Mapping {
        violations = List.copyOf(violations);
    }

    public static Mapping of(TicketSnapshot ticket, Interaction interaction) {
        return new Mapping(ticket, interaction, List.of(), null);
    }

    public static Mapping invalid(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid mapping needs at least one violation");
        }
        return new Mapping(null, null, violations, null);
    }

    public static Mapping ignored(String why) {
        return new Mapping(null, null, List.of(), why);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** The events to publish, the snapshot first (so the interaction never finds its ticket missing). */
    public List<Object> events() {
        List<Object> events = new ArrayList<>(2);
        if (ticket != null) {
            events.add(ticket);
        }
        if (interaction != null) {
            events.add(interaction);
        }
        return events;
    }
}
