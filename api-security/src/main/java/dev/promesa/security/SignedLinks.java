package dev.promesa.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed, login-free links in Promesa's emails ("Me encargo" / "I'm on it", "Sí, todo funciona" / "No, ha vuelto a
 * fallar"): notifier signs them, followup verifies them. One mechanism for both services, so the two can never
 * disagree on the format.
 * <p>
 * A token is {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}, the payload the fields of
 * {@link Claims} joined by {@code U+001F}, starting with the format version. The signature is compared in constant
 * time ({@link MessageDigest#isEqual}); only then are purpose, source and expiry read, so none of them can be changed
 * without the secret. What a token grants is what its claims name and nothing else: one action (its purpose) on one
 * promise or satisfaction check (its subject) of one ticket of one source, for one recipient, until it expires.
 * <p>
 * A refused token says why ({@link Refusal}) for the logs; the person who opened the link is shown one neutral page
 * whatever the reason, so the page tells nobody which part of a forged token was wrong.
 */
public final class SignedLinks {

    /** At least this many bytes of secret (UTF-8): 256 bits, the HMAC's own size. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Longer tokens are refused unread: no token Promesa signs comes near it. */
    public static final int MAX_TOKEN_LENGTH = 2048;
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\u001F';
    private static final int FIELDS = 9;
    private static final String ALGORITHM = "HmacSHA256";

    /** What a link does; each purpose is accepted only by its own page. */
    public enum Purpose {
        /** "Me encargo" / "I'm on it" in a staff alert: the recipient takes the promise. */
        ACK("ack"),
        /** "Sí, todo funciona" / "Yes, it works" in the satisfaction check. */
        SATISFACTION_WORKS("works"),
        /** "No, ha vuelto a fallar" / "No, it failed again" in the satisfaction check: a recurrence. */
        SATISFACTION_FAILED_AGAIN("failed");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        static Optional<Purpose> ofCode(String code) {
            return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
        }
    }

    /** Why a token was refused: for the logs, never for the page. */
    public enum Refusal {
        /** Not a token of this format (cut short in the mail client, garbled, too long). */
        MALFORMED,
        /** The signature does not match the payload: tampered with, or signed with another secret. */
        BAD_SIGNATURE,
        /** Genuine, but opened on another page than the one it was made for. */
        WRONG_PURPOSE,
        /** Genuine, but for another source than the URL names. */
        WRONG_SOURCE,
        /** Genuine, but past its expiry. */
        EXPIRED
    }

    /**
     * What a link grants.
     *
     * @param subjectId the promise (for {@link Purpose#ACK}) or the satisfaction check's alert id
     * @param recipient the e-mail address the link was sent to: the person the timeline names
     * @param recipientRole who that is for the ticket ({@code AGENT}, {@code LEAD}, {@code USER}, …); may be empty
     * @param locale the language of the email, for the page ({@code es}, {@code en-US}); may be empty
     */
    public record Claims(Purpose purpose, String source, String ticketId, String subjectId, String recipient,
            String recipientRole, String locale, Instant expiresAt) {
        public Claims {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(expiresAt, "expiresAt");
            source = required("source", source);
            ticketId = required("ticketId", ticketId);
            subjectId = required("subjectId", subjectId);
            recipient = required("recipient", recipient);
            recipientRole = optional("recipientRole", recipientRole);
            locale = optional("locale", locale);
        }

        private static String required(String name, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("a signed link needs a " + name);
            }
            return optional(name, value);
        }

        private static String optional(String name, String value) {
            if (value == null) {
                return "";
            }
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("the " + name + " of a signed link holds a U+001F character");
            }
            return value;
        }
    }

    /** The outcome of {@link #verify}: the claims, or why there are none. */
    public record Verified(Optional<Claims> claims, Optional<Refusal> refusal) {
        static Verified valid(Claims claims) {
            return new Verified(Optional.of(claims), Optional.empty());
        }

        static Verified refused(Refusal why) {
            return new Verified(Optional.empty(), Optional.of(why));
        }

        public boolean isValid() {
            return claims.isPresent();
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secret {@code promesa.links.secret}, at least {@link #MIN_SECRET_BYTES} bytes
     * @param clock what "expired" is measured against
     */
    public SignedLinks(String secret, Clock clock) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("promesa.links.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long (got " + bytes.length + "); generate one with: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.clock = clock;
    }

    /** The token for {@code claims}, URL-safe as it is (base64url, no padding). */
    public String sign(Claims claims) {
        String payload = String.join(String.valueOf(SEPARATOR), VERSION, claims.purpose().code, claims.source(),
                claims.ticketId(), claims.subjectId(), claims.recipient(), claims.recipientRole(), claims.locale(),
                Long.toString(claims.expiresAt().getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(bytes) + "." + base64.encodeToString(mac(bytes));
    }

    /**
     * Checks a token opened on the page of {@code purposes} under the URL of {@code source}: the signature first, then
     * what it is for, then its expiry.
     */
    public Verified verify(String token, Set<Purpose> purposes, String source) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Verified.refused(Refusal.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Verified.refused(Refusal.MALFORMED);
        }
        byte[] payload;
        byte[] signature;
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            payload = base64.decode(token.substring(0, dot));
            signature = base64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Verified.refused(Refusal.MALFORMED);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Verified.refused(Refusal.BAD_SIGNATURE);
        }
        Optional<Claims> claims = parse(new String(payload, StandardCharsets.UTF_8));
        if (claims.isEmpty()) {
            return Verified.refused(Refusal.MALFORMED);
        }
        if (!purposes.contains(claims.get().purpose())) {
            return Verified.refused(Refusal.WRONG_PURPOSE);
        }
        if (!claims.get().source().equals(source)) {
            return Verified.refused(Refusal.WRONG_SOURCE);
        }
        if (!clock.instant().isBefore(claims.get().expiresAt())) {
            return Verified.refused(Refusal.EXPIRED);
        }
        return Verified.valid(claims.get());
    }

    private static Optional<Claims> parse(String payload) {
        String[] fields = payload.split(String.valueOf(SEPARATOR), -1);
        if (fields.length != FIELDS || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        Optional<Purpose> purpose = Purpose.ofCode(fields[1]);
        if (purpose.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(purpose.get(), fields[2], fields[3], fields[4], fields[5], fields[6],
                    fields[7], Instant.ofEpochSecond(Long.parseLong(fields[8]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM: " + e.getMessage(), e);
        }
    }
}
