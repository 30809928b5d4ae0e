package dev.promesa.intake.webhook.signature;

/**
 * The outcome of authenticating one delivery: accepted, or refused with the reason and a detail that tells the desk's
 * administrator what to check (never the secret, never the expected signature).
 */
public record Verdict(Refusal refusal, String detail) {
    private static final Verdict ACCEPTED = new Verdict(null, null);

    public static Verdict accepted() {
        return ACCEPTED;
    }

    public static Verdict refused(Refusal refusal, String detail) {
        return new Verdict(refusal, detail);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
