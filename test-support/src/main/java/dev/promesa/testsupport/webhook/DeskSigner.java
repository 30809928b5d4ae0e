package dev.promesa.testsupport.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * {@link #headers} composes the whole set of headers each desk sends with a delivery. Used by intake's webhook tests
 * and by system-tests, which post the same fixtures ({@link DeskFixtures}) to a running intake.
 */
public final class DeskSigner {
    /** A Zendesk webhook's id ({@code X-Zendesk-Webhook-Id}): the webhook's, the same on every delivery. */
    public static final String ZENDESK_WEBHOOK_ID = "01F1KRFQ6BG29CNWFR60NK5FNY";

    private DeskSigner() {
    }

    /**
     * The headers {@code desk} ({@code zammad}, {@code jira}, {@code zendesk} or {@code freshdesk}) sends with
     * {@code body}, signed with {@code secret}: Zammad's and Jira's delivery id ({@code deliveryId}, the same on each
     * of their retries), Zendesk's signature timestamp ({@code at}, whole seconds: it must be within 5 minutes of the
     * receiver's clock), Freshdesk's Basic authentication with the secret as password.
     */
    public static Map<String, String> headers(String desk, String secret, byte[] body, String deliveryId,
            Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (desk) {
            case "zammad" -> {
                headers.put("X-Zammad-Trigger", "Promesa");
                headers.put("X-Zammad-Delivery", deliveryId);
                headers.put("X-Hub-Signature", zammad(secret, body));
            }
            case "jira" -> {
                headers.put("X-Atlassian-Webhook-Identifier", deliveryId);
                headers.put("X-Atlassian-Webhook-Flow", "Primary");
                headers.put("X-Hub-Signature", jira(secret, body));
            }
            case "zendesk" -> {
                String timestamp = at.truncatedTo(ChronoUnit.SECONDS).toString();
                headers.put("X-Zendesk-Webhook-Id", ZENDESK_WEBHOOK_ID);
                headers.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
                headers.put("X-Zendesk-Webhook-Signature", zendesk(secret, timestamp, body));
            }
            case "freshdesk" -> headers.put("Authorization", basic("promesa", secret));
            default -> throw new IllegalArgumentException("Not a desk: " + desk
                    + " (zammad, jira, zendesk or freshdesk)");
        }
        return headers;
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
