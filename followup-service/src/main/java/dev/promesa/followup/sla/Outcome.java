package dev.promesa.followup.sla;

/** How a clock or a promise ended, for the service review. */
public enum Outcome {
    PENDING, MET, BREACHED
}
