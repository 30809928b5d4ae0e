package dev.promesa.contracts;

/** What an agent promised. UPDATE and CALLBACK are kept by the next public reply; ACTION only by {@code fulfils}. */
public enum CommitmentKind {
    UPDATE, CALLBACK, ACTION
}
