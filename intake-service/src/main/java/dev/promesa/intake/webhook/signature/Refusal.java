package dev.promesa.intake.webhook.signature;

/**
 * Why a webhook request is not authenticated, as the {@code reason} of
 * {@code promesa_intake_webhook_rejected_total}. For Freshdesk, which cannot sign, the "signature" is the shared secret
 * sent as Basic-auth password or {@code X-Api-Key}.
 */
public enum Refusal {
    UNKNOWN_SOURCE("unknown-source"),
    MISSING_SIGNATURE("missing-signature"),
    BAD_SIGNATURE("bad-signature"),
    BAD_TIMESTAMP("bad-timestamp"),
    STALE_TIMESTAMP("stale-timestamp");

    private final String reason;

    Refusal(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
