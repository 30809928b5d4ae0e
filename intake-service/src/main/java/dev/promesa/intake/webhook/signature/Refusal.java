package dev.promesa.intake.webhook.signature;

import java.util.Locale;

/**
 * Why a webhook request is not authenticated; its {@link #reason()} ({@code unknown-source}, {@code missing-signature},
 * {@code bad-signature}, {@code bad-timestamp}, {@code stale-timestamp}) is the problem type's suffix and the
 * {@code reason} of {@code promesa_intake_webhook_rejected_total}. For Freshdesk, which cannot sign, the "signature"
 * is the shared secret sent as Basic-auth password or {@code X-Api-Key}.
 */
public enum Refusal {
    UNKNOWN_SOURCE, MISSING_SIGNATURE, BAD_SIGNATURE, BAD_TIMESTAMP, STALE_TIMESTAMP;

    public String reason() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
