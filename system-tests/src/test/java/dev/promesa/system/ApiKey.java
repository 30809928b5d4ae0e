package dev.promesa.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one API key the system tests configure on all three services ({@code promesa.api-keys}, as its hash, the
 * format {@code ./promesa hash-key} prints) and send as {@code X-Api-Key} on every {@code /api} call: intake requires
 * it, and so do the read APIs of followup and notifier.
 */
final class ApiKey {
    static final String HEADER = "X-Api-Key";
    static final String SOURCE = "system-desk";
    static final String VALUE = "system-test-key";
    /** The {@code promesa.api-keys} setting: {@code source:sha256:<hex>}. */
    static final String SETTING = SOURCE + ":sha256:" + sha256Hex(VALUE);

    private ApiKey() {
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
