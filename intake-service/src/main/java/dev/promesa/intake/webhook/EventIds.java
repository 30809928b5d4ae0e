package dev.promesa.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.promesa.intake.validation.FieldRules;

/**
 * Event ids for webhook deliveries: deterministic, so a redelivery carries the ids of the first delivery and the
 * consumers' deduplication makes it change nothing. A delivery's base id comes from the desk's delivery id where the
 * desk sends one, else from the fields that identify what happened (ticket id, comment id, update time); its snapshot
 * and interaction get the base plus {@code :ticket} and {@code :comment}.
 * <p>
 * Ids are readable ({@code zammad:<X-Zammad-Delivery>:ticket}) while they fit the id rules; a part that does not (too
 * long, control characters) is replaced by its SHA-256, so a strange header never fails a delivery.
 */
public final class EventIds {
    /** Leaves room for the suffixes within the id limit. */
    static final int MAX_BASE_LENGTH = 100;
    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /** {@code <desk>:<part>:<part>...}, or {@code <desk>:sha256:<hex>} of the parts when that would not be an id. */
    public static String base(Desk desk, String... parts) {
        String joined = desk.pathName() + ":" + String.join(":", parts);
        if (FieldRules.idProblem(joined, MAX_BASE_LENGTH) == null) {
            return joined;
        }
        return desk.pathName() + ":sha256:" + sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8))
                .substring(0, 40);
    }

    public static String ticket(String base) {
        return base + ":ticket";
    }

    public static String comment(String base) {
        return base + ":comment";
    }

    /**
     * A digest of the raw body, for desks without a delivery id: a retry sends the same body, so it has the same
     * digest; two updates within the same second (the resolution of the desks' update times) differ in their bodies.
     */
    public static String digest(byte[] body) {
        return "body-" + sha256(body).substring(0, 16);
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
