package dev.promesa.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The signed, login-free links in emails ("Me encargo" / "I'm on it", "Sí, todo funciona" / "No, ha vuelto a fallar"):
 * notifier signs them, followup's link pages verify them (api-security's {@code SignedLinks}).
 */
@ConfigMapping(prefix = "promesa.links")
public interface LinksConfig {

    /**
     * {@code promesa.links.secret}: the HMAC-SHA256 key, at least 32 bytes, the same in notifier and followup (env
     * {@code PROMESA_LINKS_SECRET}; {@code openssl rand -base64 32}). No default outside the dev and test profiles:
     * without it notifier puts no links in emails (and refuses to start if {@code base-url} is set) and followup's link
     * pages refuse every token. Changing it invalidates every link already sent.
     */
    Optional<String> secret();

    /**
     * {@code promesa.links.base-url}: the public address of followup's link pages as a person's browser reaches them
     * ({@code https://promesa.example.com}); the links are {@code <base-url>/links/<source>/…}. Without it emails carry
     * no links and say nothing about them. Read by notifier.
     */
    Optional<String> baseUrl();

    /** {@code promesa.links.ack-ttl}: how long an "I'm on it" link in a staff alert works. */
    @WithDefault("P2D")
    Duration ackTtl();

    /** {@code promesa.links.answer-ttl}: how long the two answers of a satisfaction check work. */
    @WithDefault("P30D")
    Duration answerTtl();
}
