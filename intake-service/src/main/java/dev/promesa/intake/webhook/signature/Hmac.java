package dev.promesa.intake.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC over byte sequences, and comparison of secrets that takes the same time whatever the bytes. */
public final class Hmac {
    public static final String SHA1 = "HmacSHA1";
    public static final String SHA256 = "HmacSHA256";

    private Hmac() {
    }

    /** The MAC of the parts, in order, keyed with the secret's UTF-8 bytes. */
    public static byte[] of(String algorithm, String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has " + algorithm, e);
        }
    }

    /**
     * Whether two byte strings are equal, in time that depends on their lengths only ({@link MessageDigest#isEqual}).
     */
    public static boolean equal(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }

    /**
     * Whether a presented secret is the configured one. Both are hashed first, so neither the time nor an early exit
     * tells how long the secret is.
     */
    public static boolean sameSecret(String configured, String presented) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] expected = sha256.digest(configured.getBytes(StandardCharsets.UTF_8));
            byte[] given = sha256.digest(presented.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, given);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
