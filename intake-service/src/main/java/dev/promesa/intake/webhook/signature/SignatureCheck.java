package dev.promesa.intake.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import dev.promesa.intake.webhook.DeliveryHeaders;
import dev.promesa.intake.webhook.Desk;
import dev.promesa.intake.webhook.Timestamps;

/**
 * Authenticates a delivery against the raw body bytes, before anything is parsed, with the source's webhook secret,
 * the way each desk signs (checked against each desk's documentation, see docs/webhooks/):
 * <ul>
 * <li>Zammad: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1(secret, body)>};</li>
 * <li>Jira: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>};</li>
 * <li>Zendesk: {@code X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(secret, timestamp + body))}, the timestamp being
 * the {@code X-Zendesk-Webhook-Signature-Timestamp} header as sent; one more than {@link #MAX_SKEW} away from this
 * clock is refused (a replay, or a clock out of sync);</li>
 * <li>Freshdesk, which cannot sign: the secret as the Basic-auth password (any user name) or as {@code X-Api-Key}.</li>
 * </ul>
 * Every comparison takes time that does not depend on how much of the signature was right. Refusals say which header
 * and which setting of the desk to check, never the secret or the signature that was expected.
 */
public final class SignatureCheck {
    /** Zendesk deliveries signed longer ago than this, or this far in the future, are refused. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    public static final String HUB_SIGNATURE = "X-Hub-Signature";
    public static final String ZENDESK_SIGNATURE = "X-Zendesk-Webhook-Signature";
    public static final String ZENDESK_TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
    public static final String AUTHORIZATION = "Authorization";
    public static final String API_KEY = "X-Api-Key";

    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;

    public SignatureCheck(Clock clock) {
        this.clock = clock;
    }

    public Verdict check(Desk desk, String secret, DeliveryHeaders headers, byte[] body) {
        return switch (desk) {
            case ZAMMAD -> hubSignature(headers, body, secret, "sha1", Hmac.SHA1,
                    "the webhook's \"HMAC SHA1 Signature Token\" in Zammad (Settings > Manage > Webhook)");
            case JIRA -> hubSignature(headers, body, secret, "sha256", Hmac.SHA256,
                    "the webhook's \"Secret\" in Jira (Settings > System > WebHooks)");
            case ZENDESK -> zendesk(headers, body, secret);
            case FRESHDESK -> sharedSecret(headers, secret);
        };
    }

    private static Verdict hubSignature(DeliveryHeaders headers, byte[] body, String secret, String algorithm,
            String mac, String setting) {
        String header = headers.value(HUB_SIGNATURE);
        if (header == null) {
            return Verdict.refused(Refusal.MISSING_SIGNATURE, "The " + HUB_SIGNATURE + " header is missing. Set "
                    + setting + " to this source's webhook secret.");
        }
        int equals = header.indexOf('=');
        String presentedAlgorithm = equals < 0 ? "" : header.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        if (!presentedAlgorithm.equals(algorithm)) {
            return Verdict.refused(Refusal.BAD_SIGNATURE, HUB_SIGNATURE + " must be " + algorithm + "=<hex>; "
                    + "this one is not. Check that the webhook is set up as this desk's (the URL's desk segment).");
        }
        byte[] presented = hex(header.substring(equals + 1).trim());
        if (presented == null || !Hmac.equal(Hmac.of(mac, secret, body), presented)) {
            return Verdict.refused(Refusal.BAD_SIGNATURE, HUB_SIGNATURE + " does not match the body. Check that "
                    + setting + " is exactly this source's webhook secret (no spaces around it), and that nothing "
                    + "between the desk and Promesa rewrites the body.");
        }
        return Verdict.accepted();
    }

    private Verdict zendesk(DeliveryHeaders headers, byte[] body, String secret) {
        String signature = headers.value(ZENDESK_SIGNATURE);
        String timestamp = headers.get(ZENDESK_TIMESTAMP);
        if (signature == null || timestamp == null || timestamp.isBlank()) {
            return Verdict.refused(Refusal.MISSING_SIGNATURE, "The " + (signature == null
                    ? ZENDESK_SIGNATURE
                    : ZENDESK_TIMESTAMP) + " header is missing. Zendesk signs every webhook request; is this "
                    + "request coming from a Zendesk webhook?");
        }
        Instant signedAt = Timestamps.parse(timestamp);
        if (signedAt == null) {
            return Verdict.refused(Refusal.BAD_TIMESTAMP, ZENDESK_TIMESTAMP + " is not a timestamp such as "
                    + "2021-03-25T05:09:27Z.");
        }
        byte[] presented = base64(signature);
        byte[] expected = Hmac.of(Hmac.SHA256, secret, timestamp.getBytes(StandardCharsets.UTF_8), body);
        if (presented == null || !Hmac.equal(expected, presented)) {
            return Verdict.refused(Refusal.BAD_SIGNATURE, ZENDESK_SIGNATURE + " does not match the timestamp and "
                    + "body. Check that this source's webhook secret is the webhook's signing secret from Zendesk "
                    + "(Admin Center > Apps and integrations > Webhooks > the webhook > Signing secret; it changes "
                    + "when reset there), and that nothing between Zendesk and Promesa rewrites the body.");
        }
        Duration age = Duration.between(signedAt, clock.instant());
        if (age.abs().compareTo(MAX_SKEW) > 0) {
            return Verdict.refused(Refusal.STALE_TIMESTAMP, ZENDESK_TIMESTAMP + " " + timestamp.strip() + " is "
                    + describe(age) + " Promesa's clock; more than " + MAX_SKEW.toMinutes() + " minutes is refused "
                    + "as a replay. If Zendesk sent it just now, a clock is wrong: check Promesa's host time.");
        }
        return Verdict.accepted();
    }

    private static Verdict sharedSecret(DeliveryHeaders headers, String secret) {
        String apiKey = headers.value(API_KEY);
        String password = basicPassword(headers.value(AUTHORIZATION));
        if (apiKey == null && password == null) {
            return Verdict.refused(Refusal.MISSING_SIGNATURE, "Neither Basic authentication nor an " + API_KEY
                    + " header came with the request. In the Freshdesk rule's \"Trigger webhook\" action, tick "
                    + "\"Requires authentication\" and give this source's webhook secret as the password, or add "
                    + "the header " + API_KEY + " with the secret as its value.");
        }
        // Both are compared whichever is present, so the time does not tell which one was checked.
        boolean keyMatches = Hmac.sameSecret(secret, apiKey == null ? "" : apiKey) && apiKey != null;
        boolean passwordMatches = Hmac.sameSecret(secret, password == null ? "" : password) && password != null;
        if (!keyMatches && !passwordMatches) {
            return Verdict.refused(Refusal.BAD_SIGNATURE, "The " + (password != null
                    ? "Basic-auth password"
                    : API_KEY + " header") + " is not this source's webhook secret. Check the Freshdesk rule's "
                    + "webhook authentication (the secret, not a Promesa API key or a Freshdesk API key).");
        }
        return Verdict.accepted();
    }

    /** The password of an {@code Authorization: Basic} header; null when there is none or it is not Basic. */
    static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded = base64(authorization.substring(6).trim());
        if (decoded == null) {
            return null;
        }
        String credentials = new String(decoded, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return colon < 0 ? null : credentials.substring(colon + 1);
    }

    private static byte[] hex(String text) {
        try {
            return HEX.parseHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(Duration age) {
        long minutes = age.abs().toMinutes();
        String amount = minutes >= 1 ? minutes + " min" : age.abs().toSeconds() + " s";
        return age.isNegative() ? amount + " ahead of" : amount + " behind";
    }
}
