package dev.promesa.followup.ingest;

import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.TicketSnapshot;

/** A validated record from {@code helpdesk.events.v1}. */
public sealed interface HelpdeskEvent {

    String eventId();

    String source();

    String ticketId();

    record Snapshot(String eventId, String source, TicketSnapshot snapshot) implements HelpdeskEvent {
        @Override
        public String ticketId() {
            return snapshot.ticketId();
        }
    }

    record InteractionEvent(String eventId, String source, Interaction interaction) implements HelpdeskEvent {
        @Override
        public String ticketId() {
            return interaction.ticketId();
        }
    }
}
