package dev.promesa.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one desk's webhook payload into Promesa's contract records. Pure: no I/O, no clock but the delivery's receipt
 * time, so the same delivery always maps to the same records (and the same event ids).
 */
public interface DeskMapper {

    Mapping map(JsonNode payload, Delivery delivery);
}
