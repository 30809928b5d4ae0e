package dev.promesa.intake.webhook;

import java.time.Instant;

/**
 * One authenticated webhook request, as a mapper sees it: which source sent it, its headers and raw body (for delivery
 * ids and, where a desk has none, a digest), and when Promesa received it (the time of last resort).
 */
public record Delivery(WebhookSource source, DeliveryHeaders headers, byte[] body, Instant receivedAt) {
}
