package dev.promesa.intake.publish;

import java.time.Instant;

/** One validated event, serialized, with the CloudEvents attributes it goes out with. */
public record OutgoingEvent(String eventId, String type, String ticketId, Instant occurredAt, String json) {
}
