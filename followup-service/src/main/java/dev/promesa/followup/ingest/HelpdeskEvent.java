package dev.promesa.followup.ingest;

import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketSnapshot;

/**
 * A validated record from {@code helpdesk.events.v1}: a ticket snapshot or an interaction (from intake), or an email
 * notifier sent (from notifier). Event ids are unique within their source only.
 */
public sealed interface HelpdeskEvent {

    String eventId();

    /** The help desk it came from (the {@code ce_source} header); never null. */
    String source();

    String ticketId();

    default TicketRef ticket() {
        return new TicketRef(source(), ticketId());
    }

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

    record EmailSentEvent(String eventId, String source, EmailSent email) implements HelpdeskEvent {
        @Override
        public String ticketId() {
            return email.ticketId();
        }
    }
}
