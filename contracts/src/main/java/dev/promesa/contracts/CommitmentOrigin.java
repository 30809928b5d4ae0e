package dev.promesa.contracts;

/**
 * Where a promise came from: {@code REQUEST}, the structured {@code commitment} field of an interaction;
 * {@code TEXT}, recognised in the agent's own words; or {@code APOLOGY}, the next step Promesa itself promised the user
 * in a late-promise email ({@link Alert.NextStep}).
 */
public enum CommitmentOrigin {
    REQUEST, TEXT, APOLOGY
}
