package dev.promesa.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place that turns an API key into the hash stored in configuration: {@code sha256:} followed by the
 * lower-case hex SHA-256 of the key's UTF-8 bytes. Same result as {@code printf %s KEY | sha256sum}.
 */
public final class ApiKeyHash {
    public static final String PREFIX = "sha256:";
    static final int HEX_LENGTH = 64;

    private ApiKeyHash() {
    }

    /** The configuration form of a key's hash, e.g. {@code sha256:6b3a…}. */
    public static String of(String key) {
        return PREFIX + HexFormat.of().formatHex(digest(key));
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** True when the text has the configuration form of a hash (the prefix and 64 hex digits). */
    static boolean isHash(String text) {
        return text.startsWith(PREFIX) && text.length() == PREFIX.length() + HEX_LENGTH
                && text.substring(PREFIX.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    static byte[] parseHash(String text) {
        return HexFormat.of().parseHex(text.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
    }
}
