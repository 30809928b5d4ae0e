package dev.promesa.security;

/**
 * A CDI event fired for each request the API-key filter refuses, so a service can count refusals in its own metrics.
 *
 * @param reason {@code missing-or-unknown-key}, {@code rate-limited} or {@code source-mismatch}
 * @param source the key's source; null when no known key was sent
 */
public record ApiRequestRefused(int status, String reason, String source) {
}
