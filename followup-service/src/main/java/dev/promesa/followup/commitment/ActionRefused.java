package dev.promesa.followup.commitment;

/** An action on a promise that its rules refuse; the API answers with the status the reason calls for. */
public final class ActionRefused extends RuntimeException {

    public enum Reason {
        /** The promise's state does not allow it (cancel a kept promise): 409. */
        STATE,
        /** The request itself is wrong (a new due time in the past, no reason to cancel): 400. */
        REQUEST
    }

    private final Reason reason;

    public ActionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
