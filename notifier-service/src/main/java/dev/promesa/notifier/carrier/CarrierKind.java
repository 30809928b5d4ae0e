package dev.promesa.notifier.carrier;

/** The two kinds of carrier; stored as the carrier row's {@code kind} (no alert has these kinds). */
public enum CarrierKind {
    /** One user's late-promise email naming every late promise of one ticket. */
    APOLOGY,
    /** One staff member's digest of the alerts past the burst of one window. */
    DIGEST
}
