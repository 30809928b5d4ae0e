package dev.promesa.followup.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.scheduling.Schedule;

/** DESIGN.md's commitment rules as plain functions: when each alert is due, and what keeps a promise. */
public final class CommitmentRules {

    /** DUE_SOON comes at most this share of the promise's interval before its due time. */
    private static final int DUE_SOON_MAX_SHARE_PERCENT = 25;

    private final Duration dueSoonLead;
    private final Duration userGrace;
    private final Duration escalationDelay;

    public CommitmentRules(Duration dueSoonLead, Duration userGrace, Duration escalationDelay) {
        this.dueSoonLead = dueSoonLead;
        this.userGrace = userGrace;
        this.escalationDelay = escalationDelay;
    }

    /**
     * The alerts a promise made at {@code madeAt} and due at {@code dueAt} raises while unkept, its delays counted in
     * elapsed time. A DUE_SOON whose time is already past at {@code now} is left out: warning that something is due
     * soon after the fact helps nobody; the later alerts stay, even if past, because they report a fact.
     */
    public List<Schedule> schedule(Instant madeAt, Instant dueAt, PromisedTo promisedTo, Instant now) {
        return schedule(madeAt, dueAt, promisedTo, now, BusinessCalendar.alwaysOpen());
    }

    /**
     * The same, with the user grace and the escalation delays counted on {@code delays}: the always-open calendar for
     * elapsed time, a policy's business calendar for working hours (a promise missed at 17:55 on a 09–18 calendar
     * escalates an hour later at 09:55 the next working day).
     */
    public List<Schedule> schedule(Instant madeAt, Instant dueAt, PromisedTo promisedTo, Instant now,
            BusinessCalendar delays) {
        return schedule(madeAt, dueAt, promisedTo, 0, now, delays);
    }

    /**
     * The same for a promise of apology round {@code round} (0: an agent's promise; 1 and 2: the next step named in
     * the first and the second apology, {@link NextStepRules}). A next step that is missed escalates at once (the
     * escalation delay is zero: both levels at its due time, since the promise it replaced already went late), and
     * the last round ({@link NextStepRules#LAST_ROUND}) raises no COMMITMENT_OVERDUE_USER: there is no third apology.
     */
    public List<Schedule> schedule(Instant madeAt, Instant dueAt, PromisedTo promisedTo, int round, Instant now,
            BusinessCalendar delays) {
        Duration escalationDelay = round >= 1 ? Duration.ZERO : this.escalationDelay;
        List<Schedule> alerts = new ArrayList<>(5);
        Instant dueSoon = dueAt.minus(dueSoonLead(madeAt, dueAt));
        if (dueSoon.isBefore(dueAt) && !dueSoon.isBefore(now)) {
            alerts.add(new Schedule(AlertKind.COMMITMENT_DUE_SOON, 0, dueSoon));
        }
        alerts.add(new Schedule(AlertKind.COMMITMENT_OVERDUE, 0, dueAt));
        if (promisedTo == PromisedTo.USER && NextStepRules.apologises(round)) {
            alerts.add(new Schedule(AlertKind.COMMITMENT_OVERDUE_USER, 0, delays.plus(dueAt, userGrace)));
        }
        alerts.add(new Schedule(AlertKind.ESCALATED, 1, delays.plus(dueAt, escalationDelay)));
        alerts.add(new Schedule(AlertKind.ESCALATED, 2, delays.plus(dueAt, escalationDelay.multipliedBy(2))));
        return alerts;
    }

    /**
     * The earliest moment any alert of a promise made at {@code madeAt} and due at {@code dueAt} can fire (its
     * DUE_SOON time, whether or not that was scheduled): a promise closed before it cannot have alerted anybody.
     */
    public Instant firstAlertAt(Instant madeAt, Instant dueAt) {
        return dueAt.minus(dueSoonLead(madeAt, dueAt));
    }

    /** min(configured lead, 25% of the time between promise and due time); zero for a promise due at once. */
    Duration dueSoonLead(Instant madeAt, Instant dueAt) {
        Duration interval = Duration.between(madeAt, dueAt);
        if (interval.isNegative() || interval.isZero()) {
            return Duration.ZERO;
        }
        Duration share = interval.multipliedBy(DUE_SOON_MAX_SHARE_PERCENT).dividedBy(100);
        return share.compareTo(dueSoonLead) < 0 ? share : dueSoonLead;
    }

    /**
     * Whether {@code interaction} keeps the open promise {@code commitment}: an explicit {@code fulfils} keeps any
     * kind; UPDATE and CALLBACK are also kept by a later public agent reply or call summary, never by the interaction
     * that made the promise. A next step (origin APOLOGY, made when the apology was raised, on followup's clock) is
     * kept by any public agent response processed after it, whatever its date: a reply written just before the
     * apology went out but received just after it means the user did hear from the desk.
     */
    public static boolean keeps(Interaction interaction, Commitment commitment) {
        if (interaction.fulfils() != null && interaction.fulfils().contains(commitment.id)) {
            return true;
        }
        return commitment.kind != CommitmentKind.ACTION
                && interaction.publicAgentResponse()
                && !interaction.eventId().equals(commitment.madeByEventId)
                && (commitment.origin == CommitmentOrigin.APOLOGY
                        || !interaction.occurredAt().isBefore(commitment.madeAt));
    }
}
