package dev.promesa.notifier.carrier;

import java.time.Duration;
import java.time.Instant;

/**
 * One source's rules for emails that carry several alerts (docs/notifier-service.md, "Carriers"). Pure.
 *
 * @param userWindow at most one late-promise email per user and ticket within this time
 * @param userGather how long the first apology of an email waits for the others
 * @param staffBurst staff emails to one recipient that go out alone within a window
 * @param staffBurstWindow the window staff bursts are counted in; its digest is due when it ends
 */
public record Gathering(Duration userWindow, Duration userGather, int staffBurst, Duration staffBurstWindow) {

    /** Both durations zero: every apology goes out alone, at once, as before carriers. */
    public boolean gathersApologies() {
        return positive(userWindow) || positive(userGather);
    }

    /** A zero window: every staff alert goes out alone. */
    public boolean digests() {
        return positive(staffBurstWindow);
    }

    /**
     * When a new apology email is due: {@code user-gather} after the first apology it carries, and not before the
     * window since the last apology email to this user on this ticket ends.
     *
     * @param lastEmail when the last one was sent (or is due, if it is on its way); null if there was none
     */
    public Instant apologyDue(Instant now, Instant lastEmail) {
        Instant gathered = now.plus(userGather);
        if (lastEmail == null) {
            return gathered;
        }
        Instant windowEnds = lastEmail.plus(userWindow);
        return windowEnds.isAfter(gathered) ? windowEnds : gathered;
    }

    /** Whether the burst window that started at {@code start} still runs at {@code now}. */
    public boolean burstWindowRuns(Instant start, Instant now) {
        return start != null && now.isBefore(start.plus(staffBurstWindow));
    }

    /** When the digest of the window that started at {@code start} is due: when the window ends. */
    public Instant digestDue(Instant start) {
        return start.plus(staffBurstWindow);
    }

    private static boolean positive(Duration d) {
        return d.compareTo(Duration.ZERO) > 0;
    }
}
