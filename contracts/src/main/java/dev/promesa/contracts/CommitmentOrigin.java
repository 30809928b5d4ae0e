package dev.promesa.contracts;

/**
 * Where a promise came from: {@code REQUEST}, the structured {@code commitment} field of an interaction, or
 * {@code TEXT}, recognised in the agent's own words.
 */
public enum CommitmentOrigin {
    REQUEST, TEXT
}
