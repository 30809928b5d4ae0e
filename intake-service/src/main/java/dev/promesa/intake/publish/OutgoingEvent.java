package dev.promesa.intake.publish;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.TicketSnapshot;

/** One validated event, serialized, with the CloudEvents attributes it goes out with. */
public record OutgoingEvent(String eventId, String type, String ticketId, Instant occurredAt, String json) {

    /** A ticket snapshot or an interaction, as it goes out: the one place an event's type and attributes are chosen. */
    public static OutgoingEvent of(Object event, ObjectMapper mapper) {
        try {
            if (event instanceof TicketSnapshot ticket) {
                return new OutgoingEvent(ticket.eventId(), CloudEvents.TYPE_TICKET, ticket.ticketId(),
                        ticket.occurredAt(), mapper.writeValueAsString(ticket));
            }
            if (event instanceof Interaction interaction) {
                return new OutgoingEvent(interaction.eventId(), CloudEvents.TYPE_INTERACTION,
                        interaction.ticketId(), interaction.occurredAt(), mapper.writeValueAsString(interaction));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated event could not be serialized", e);
        }
        throw new IllegalArgumentException("Not an event: " + event.getClass().getName());
    }
}
