package dev.promesa.intake.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.promesa.intake.IntakeConfig;

/** The configured API keys, each bound to the help desk (source) that uses it. */
@ApplicationScoped
@Startup
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final Map<String, byte[]> keyBySource;

    public ApiKeys(IntakeConfig config) {
        this.keyBySource = parse(config.apiKeys().orElse(""));
        if (keyBySource.isEmpty()) {
            LOG.warn("No API keys configured: every request will be refused with 401. "
                    + "Set promesa.api-keys (env PROMESA_API_KEYS) to source:key,source:key.");
        } else {
            LOG.infof("API keys configured for %d help desk(s): %s", keyBySource.size(), keyBySource.keySet());
        }
    }

    /** The source the key belongs to; compares in constant time so timing does not leak key prefixes. */
    public Optional<String> sourceOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = presentedKey.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Map.Entry<String, byte[]> entry : keyBySource.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    static Map<String, byte[]> parse(String setting) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String pair : setting.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("promesa.api-keys: '" + trimmed.replaceAll(":.*", ":***")
                        + "' is not source:key");
            }
            keys.put(trimmed.substring(0, colon).trim(),
                    trimmed.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }
}
