package dev.promesa.contracts;

import java.time.Instant;

/**
 * A promise the agent made in an interaction ("I will update you by 15:00"). {@code commitmentId} is optional: without
 * one, followup derives it from the interaction's event id. Sending an open commitment's id again reschedules it.
 */
public record CommitmentRequest(
        String commitmentId,
        CommitmentKind kind,
        Instant dueAt,
        String description,
        PromisedTo promisedTo) {
}
