package dev.promesa.config;

/**
 * How a promise's user grace and escalation delays are counted ({@code promesa.commitments.delays-in}): in elapsed
 * time, or in the working hours of the ticket's policy calendar, so a promise missed at 17:55 escalates one working
 * hour later, the next morning, not at 18:55. Written {@code elapsed} or {@code working-hours}.
 */
public enum DelaysIn {
    ELAPSED, WORKING_HOURS
}
