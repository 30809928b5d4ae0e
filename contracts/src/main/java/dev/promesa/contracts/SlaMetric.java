package dev.promesa.contracts;

public enum SlaMetric {
    FIRST_RESPONSE,
    /** "Update at least every N": restarts with every public agent update. */
    NEXT_UPDATE, RESOLUTION
}
