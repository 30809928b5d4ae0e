package dev.promesa.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The API keys the system tests configure on all three services ({@code promesa.api-keys}, as hashes, the format
 * {@code ./promesa hash-key} prints) and send as {@code X-Api-Key} on every {@code /api} call: intake requires one,
 * and so do the read APIs of followup and notifier. Two help desks: {@code system-desk} and {@code other-desk}.
 */
final class ApiKey {
    static final String HEADER = "X-Api-Key";
    static final String SOURCE = "system-desk";
    static final String VALUE = "system-test-key";
    static final String OTHER_SOURCE = "other-desk";
    static final String OTHER_VALUE = "other-desk-test-key";
    /** The {@code promesa.api-keys} setting: {@code source:sha256:<hex>,…}. */
    static final String SETTING = entry(SOURCE, VALUE) + "," + entry(OTHER_SOURCE, OTHER_VALUE);

    private ApiKey() {
    }

    /** One entry of {@code promesa.api-keys}: {@code key} reads and writes {@code source}'s data. */
    static String entry(String source, String key) {
        return source + ":sha256:" + sha256Hex(key);
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
