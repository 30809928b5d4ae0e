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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((alertId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@notifier.promesa>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
