package dev.promesa.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.promesa.config.ApiSecurityConfig;
import dev.promesa.config.SourcesConfig;

/**
 * The service's configured keys and the rate limiter; fails the start-up with a clear message when
 * {@code promesa.api-keys} cannot be read, so a typo is not found by the first refused client.
 */
@ApplicationScoped
@Startup
public class ApiKeyAuthentication {
    private static final Logger LOG = Logger.getLogger(ApiKeyAuthentication.class);

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;

    public ApiKeyAuthentication(ApiSecurityConfig config, SourcesConfig sources) {
        this.keys = ApiKeys.parse(config.apiKeys().orElse(""));
        ApiSecurityConfig.RateLimit limit = config.rateLimit();
        Map<String, RateLimiter.Limit> bySource = new LinkedHashMap<>();
        limit.sources().forEach((source, own) -> bySource.put(source,
                new RateLimiter.Limit(own.requestsPerSecond(), own.burst())));
        this.rateLimiter = new RateLimiter(limit.enabled(),
                limit.enabled() ? new RateLimiter.Limit(limit.requestsPerSecond(), limit.burst()) : null, bySource,
                System::nanoTime);
        if (keys.isEmpty()) {
            LOG.warn("No API keys configured: every /api request will be refused with 401. Set promesa.api-keys "
                    + "(env PROMESA_API_KEYS) to source:sha256:<hex>,...; ./promesa hash-key KEY prints the hash.");
        } else {
            LOG.infof("API keys configured for %d source(s): %s", keys.sources().size(), keys.sources());
        }
        // A source whose desk sends signed webhooks is reached without an API key: its settings are no misspelling.
        Set<String> withoutWebhooks = new TreeSet<>();
        sources.sources().forEach((source, settings) -> {
            if (settings.webhookSecret().isEmpty()) {
                withoutWebhooks.add(source);
            }
        });
        warnAboutSourcesWithoutKey(withoutWebhooks, "promesa.sources.");
        warnAboutSourcesWithoutKey(limit.sources().keySet(), "promesa.rate-limit.sources.");
        if (!keys.plaintextKeys().isEmpty()) {
            LOG.warnf("promesa.api-keys holds plain-text keys for %s. Replace each with its hash "
                    + "(./promesa hash-key KEY prints source-ready sha256:<hex>) so the configuration no longer "
                    + "reveals the key.", keys.plaintextKeys());
        }
        if (rateLimiter.enabled()) {
            LOG.infof("Rate limit per API key: %s%s", rateLimiter.limitOf(""),
                    rateLimiter.sourceLimits().isEmpty() ? "" : "; own limits: " + rateLimiter.sourceLimits());
        } else {
            LOG.warn("Rate limit per API key is OFF (promesa.rate-limit.enabled=false)");
        }
    }

    /** Settings for a source nobody can use are most likely a misspelt source name: say so at start. */
    private void warnAboutSourcesWithoutKey(Set<String> configured, String prefix) {
        for (String source : new TreeSet<>(configured)) {
            if (!keys.sources().contains(source)) {
                LOG.warnf("%s%s.* is configured, but no API key in promesa.api-keys belongs to source '%s' "
                        + "(sources with keys: %s). Check the source's spelling, or add its key.", prefix, source,
                        source, keys.sources());
            }
        }
    }

    public Optional<ApiKeys.ApiKey> find(String presentedKey) {
        return keys.find(presentedKey);
    }

    /** @return 0 when the key may go on, else seconds to wait */
    public long acquire(ApiKeys.ApiKey key) {
        return rateLimiter.acquire(key);
    }
}
