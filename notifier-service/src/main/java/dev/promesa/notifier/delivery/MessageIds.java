package dev.promesa.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Message-ID derived from (alert id, recipient) only: if a message is ever sent twice (see docs: the crash window
 * between the SMTP accept and our commit), both copies carry the same id and mail servers/clients can drop the second.
 */
public final class MessageIds {
    private MessageIds() {
    }

    public static String of(String alertId, String recipient) {
        return "<" + hash(alertId, recipient) + "@notifier.promesa>";
    }

    /**
     * The id of the email's record on the ticket's timeline ({@code notifier.email-sent.v1}): {@code email-sent:} and
     * the same hash, so every copy of the record, like every copy of the email, carries one id.
     */
    public static String eventId(String alertId, String recipient) {
        return "email-sent:" + hash(alertId, recipient);
    }

    private static String hash(String alertId, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((alertId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
