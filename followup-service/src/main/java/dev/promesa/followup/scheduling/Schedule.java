package dev.promesa.followup.scheduling;

import java.time.Instant;

import dev.promesa.contracts.AlertKind;

/** One alert that a rule wants raised at {@code dueAt}. */
public record Schedule(AlertKind kind, int level, Instant dueAt) {
}
