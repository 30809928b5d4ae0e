package dev.promesa.followup.commitment;

import java.time.Duration;
import java.time.Instant;

import dev.promesa.calendar.BusinessCalendar;

/**
 * The next step an apology promises (DESIGN.md, "The next step is itself a promise") as plain functions: its time, its
 * id and its round. A user told that a promise is late is told when they will hear from the desk: the moment the
 * apology is raised plus {@code promesa.commitments.apology-window}, counted in the ticket's working hours. That next
 * step is a promise of its own (origin APOLOGY, round 1). If it is missed too, the second apology ("de nuevo") names
 * another one (round 2); a missed round 2 escalates but raises no third apology.
 */
public final class NextStepRules {

    /** The round of the last apology: its next step, if missed, escalates and is not apologised for again. */
    public static final int LAST_ROUND = 2;

    private final Duration window;

    public NextStepRules(Duration window) {
        this.window = window;
    }

    /**
     * When the user will hear from the desk, told at {@code toldAt}: {@code window} of open time on {@code hours} (the
     * ticket's SLA calendar for its priority; the always-open calendar for a 24x7 one). Told at 17:30 on a 09–18
     * calendar with a two-hour window, the user hears by 10:30 the next working day.
     */
    public Instant dueAt(Instant toldAt, BusinessCalendar hours) {
        return hours.plus(toldAt, window);
    }

    /** Whether a promise of this round, if missed, raises a COMMITMENT_OVERDUE_USER (an apology with a next step). */
    public static boolean apologises(int round) {
        return round < LAST_ROUND;
    }

    /**
     * The id of the next step promised when the promise {@code lateId} (revision {@code revision}, round
     * {@code round}) is apologised for: {@code <id>~next1} for an agent's promise ({@code <id>~r<revision>~next1} once
     * it was rescheduled, so each revision's apology has its own), {@code <id>~next2} for the next step of
     * {@code <id>~next1}. Deterministic: the same apology always names the same promise.
     */
    public static String nextStepId(String lateId, int revision, int round) {
        String base = lateId;
        if (round >= 1) {
            int marker = lateId.lastIndexOf("~next");
            if (marker > 0) {
                base = lateId.substring(0, marker);
            }
        } else if (revision > 1) {
            base = lateId + "~r" + revision;
        }
        return base + "~next" + (round + 1);
    }
}
