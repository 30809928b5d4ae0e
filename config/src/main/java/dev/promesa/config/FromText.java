package dev.promesa.config;

/**
 * What followup does with the promises it recognises in an agent's public reply ({@code promesa.promises.from-text}):
 * {@code auto} tracks each one with a time as an open commitment and keeps vague ones ("en breve") as suggestions,
 * {@code suggest} keeps every one as a suggestion until an agent confirms it, {@code off} reads no text at all.
 */
public enum FromText {
    AUTO, SUGGEST, OFF
}
