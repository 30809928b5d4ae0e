package dev.promesa.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a body the way each desk does, written from the desks' own descriptions (not from Promesa's code, so a test
 * fails when Promesa checks something else than the desk sends):
 * <ul>
 * <li>Zammad, {@code lib/user_agent.rb}: {@code OpenSSL::HMAC.hexdigest('sha1', signature_token, request.body)},
 * sent as {@code X-Hub-Signature: sha1=<hex>};</li>
 * <li>Jira (Atlassian "Secure admin webhooks", WebSub): {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret,
 * body)>};</li>
 * <li>Zendesk ("Verifying webhook authenticity"): {@code base64(HMACSHA256(TIMESTAMP + BODY))} keyed with the signing
 * secret, the raw binary digest base64-encoded, the timestamp header's text directly in front of the body;</li>
 * <li>Freshdesk ("Requires authentication", username and password): {@code Authorization: Basic
 * base64(user:password)}.</li>
 * </ul>
 */
public final class DeskSigner {
    private DeskSigner() {
    }

    public static String zammad(String token, byte[] body) {
        return "sha1=" + HexFormat.of().formatHex(mac("HmacSHA1", token, body));
    }

    public static String jira(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", secret, body));
    }

    public static String zendesk(String signingSecret, String timestamp, byte[] body) {
        byte[] signed = new byte[timestamp.getBytes(StandardCharsets.UTF_8).length + body.length];
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return Base64.getEncoder().encodeToString(mac("HmacSHA256", signingSecret, signed));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
