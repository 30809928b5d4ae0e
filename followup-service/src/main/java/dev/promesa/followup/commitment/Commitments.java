package dev.promesa.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.config.CommitmentConfig;
import dev.promesa.config.DelaysIn;
import dev.promesa.config.FromText;
import dev.promesa.config.SourcesConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.commitment.ActionRefused.Reason;
import dev.promesa.followup.scheduling.AlertIds;
import dev.promesa.followup.scheduling.DueItems;
import dev.promesa.followup.scheduling.PendingAlert;
import dev.promesa.followup.scheduling.Schedule;
import dev.promesa.recognition.promise.RecognizedPromise;

/**
 * Makes, keeps, reschedules and settles promises, and keeps their pending alerts in step: those of the structured
 * {@code commitment} field, those recognised in an agent's words ({@link TextPromises}), and what people do with them
 * through the API ({@link PromiseAction}). Works on the transaction's working set ({@link PromiseScope}): no queries
 * of its own.
 */
@ApplicationScoped
public class Commitments {

    private static final Logger LOG = Logger.getLogger(Commitments.class);

    private final CommitmentRules rules;
    private final NextStepRules nextSteps;
    private final CommitmentConfig config;
    private final SourcesConfig sources;
    private final TextPromises text;
    private final Clock clock;

    Commitments(CommitmentConfig config, SourcesConfig sources, TextPromises text, Clock clock) {
        this.rules = new CommitmentRules(config.dueSoonLead(), config.userGrace(), config.escalationDelay());
        this.nextSteps = new NextStepRules(config.apologyWindow());
        this.config = config;
        this.sources = sources;
        this.text = text;
        this.clock = clock;
    }

    /** What an action left: the promise, and whether anything changed (a repeated action changes nothing). */
    public record Acted(Commitment commitment, boolean changed) {
    }

    /**
     * Applies an interaction: first it keeps the active promises it keeps, then it records the promise of its
     * structured field (or reschedules the one whose id it repeats), then those written in its text. A promise the
     * text says again ("como le dije, le llamo mañana antes de las 10": same kind, same due time as an active one) is
     * neither a second promise nor kept by the reply that repeats it.
     */
    public void onInteraction(PromiseScope scope, Interaction interaction) {
        CommitmentRequest request = interaction.commitment();
        String promisedId = request == null ? null : idOf(request, interaction);
        FromText mode = text.modeOf(scope.ticket().source());
        List<RecognizedPromise> heard = text.in(scope, interaction, mode);
        List<Commitment> active = List.copyOf(scope.store().activeOn(scope.ticket()));
        Set<Commitment> repeated = new HashSet<>();
        List<Integer> fresh = new ArrayList<>();
        for (int n = 0; n < heard.size(); n++) {
            Optional<Commitment> same = sameAs(heard.get(n), active);
            if (same.isPresent()) {
                repeated.add(same.get());
                LOG.debugf("Ticket %s: interaction %s repeats promise %s; it stays as it is", scope.ticket(),
                        interaction.eventId(), same.get().id);
            } else {
                fresh.add(n);
            }
        }
        for (Commitment open : active) {
            if (!open.id.equals(promisedId) && !repeated.contains(open) && CommitmentRules.keeps(interaction, open)) {
                close(scope, open, CommitmentState.KEPT, interaction.occurredAt(), interaction.eventId());
            }
        }
        if (request != null) {
            promise(scope, interaction, request, promisedId);
        }
        for (int n : fresh) {
            promiseFromText(scope, interaction, heard.get(n), textId(interaction, n), mode);
        }
    }

    /** The ticket was resolved or closed: every open or suggested promise is settled, its alerts withdrawn. */
    public void settleAll(PromiseScope scope, Instant at, String eventId) {
        for (Commitment open : List.copyOf(scope.store().activeOn(scope.ticket()))) {
            close(scope, open, CommitmentState.SETTLED, at, eventId);
        }
    }

    /**
     * Confirms, reschedules, cancels or keeps a promise of the scope's ticket. An action whose outcome already holds
     * (keep a kept promise, the same new due time again) changes nothing; one the promise's state does not allow, or
     * a wrong request, is refused ({@link ActionRefused}) with nothing changed.
     */
    public Acted act(PromiseScope scope, PromiseAction action) {
        Commitment c = scope.store().find(scope.ticket().source(), action.commitmentId())
                .filter(found -> found.ticketId.equals(scope.ticket().ticketId()))
                .orElseThrow(() -> new IllegalArgumentException("no promise " + action.commitmentId() + " on ticket "
                        + scope.ticket()));
        return switch (action.type()) {
            case CONFIRM -> confirm(scope, c, action);
            case RESCHEDULE -> reschedule(scope, c, action);
            case CANCEL -> cancel(scope, c, action);
            case KEEP -> keep(scope, c, action);
        };
    }

    /** The promise's id: the one given, else the id of the interaction that made it. */
    public static String idOf(CommitmentRequest request, Interaction interaction) {
        return request.commitmentId() != null && !request.commitmentId().isBlank()
                ? request.commitmentId()
                : interaction.eventId();
    }

    /** The id of the n-th (from 0) promise recognised in an interaction's text: {@code <eventId>~1}, {@code ~2}… */
    static String textId(Interaction interaction, int n) {
        return interaction.eventId() + "~" + (n + 1);
    }

    // ---------------------------------------------------------------- from interactions

    private static Optional<Commitment> sameAs(RecognizedPromise heard, List<Commitment> active) {
        return active.stream().filter(c -> heard.sameAs(c.kind, c.dueAt)).findFirst();
    }

    private void promise(PromiseScope scope, Interaction interaction, CommitmentRequest request, String id) {
        String source = scope.ticket().source();
        Optional<Commitment> existing = scope.store().find(source, id);
        Commitment commitment;
        if (existing.isEmpty()) {
            commitment = newCommitment(scope, id);
            fill(commitment, interaction, request);
            scope.store().added(commitment);
            LOG.debugf("Ticket %s: %s promise %s due %s (%s)", scope.ticket(), commitment.kind, id, commitment.dueAt,
                    commitment.promisedTo);
        } else {
            commitment = existing.get();
            if (!commitment.ticketId.equals(scope.ticket().ticketId())) {
                throw new CommitmentIdTaken("commitment id '" + id + "' already belongs to ticket "
                        + commitment.ticketId + "; commitment ids must be unique across a help desk's tickets");
            }
            if (Objects.equals(commitment.dueAt, request.dueAt())) {
                // The same promise again (a re-post, a retry with a new event id): its alerts stay as they are, and a
                // kept or settled one stays so. Only the words may be new.
                if (commitment.active() && !Objects.equals(commitment.description, request.description())) {
                    commitment.description = request.description();
                    scope.store().changed(commitment);
                }
                LOG.debugf("Ticket %s: promise %s posted again with its due time unchanged (%s); nothing to do",
                        scope.ticket(), id, commitment.state);
                return;
            }
            // A new due time (a reschedule, or a closed promise made again): a new revision gives new alert ids.
            withdrawIfAlerted(scope, commitment, AlertWithdrawal.Reason.RESCHEDULED);
            scope.due().cancelForCommitment(source, id);
            commitment.revision++;
            fill(commitment, interaction, request);
            scope.store().changed(commitment);
            LOG.debugf("Ticket %s: promise %s rescheduled to %s (revision %d)", scope.ticket(), id, commitment.dueAt,
                    commitment.revision);
        }
        arm(scope, commitment);
    }

    private void promiseFromText(PromiseScope scope, Interaction interaction, RecognizedPromise heard, String id,
            FromText mode) {
        if (scope.store().find(scope.ticket().source(), id).isPresent()) {
            LOG.warnf("Ticket %s: promise id %s, for a promise in interaction %s, is taken; that promise is not "
                    + "recorded", scope.ticket(), id, interaction.eventId());
            return;
        }
        Commitment commitment = newCommitment(scope, id);
        commitment.origin = CommitmentOrigin.TEXT;
        commitment.kind = heard.kind();
        commitment.description = heard.quote();
        commitment.quote = heard.quote();
        commitment.confidence = heard.confidence();
        commitment.promisedTo = PromisedTo.USER;
        commitment.dueAt = heard.dueAt();
        madeBy(commitment, interaction);
        boolean tracked = mode == FromText.AUTO && !heard.vague();
        commitment.state = tracked ? CommitmentState.OPEN : CommitmentState.SUGGESTED;
        scope.store().added(commitment);
        LOG.debugf("Ticket %s: %s promise %s %s in the agent's words (\"%s\", confidence %.2f)", scope.ticket(),
                commitment.kind, id, tracked ? "due " + commitment.dueAt : "suggested", heard.quote(),
                heard.confidence());
        if (tracked) {
            arm(scope, commitment);
        }
    }

    private static Commitment newCommitment(PromiseScope scope, String id) {
        Commitment commitment = new Commitment();
        commitment.source = scope.ticket().source();
        commitment.id = id;
        commitment.ticketId = scope.ticket().ticketId();
        commitment.revision = 1;
        return commitment;
    }

    private static void fill(Commitment commitment, Interaction interaction, CommitmentRequest request) {
        commitment.origin = CommitmentOrigin.REQUEST;
        commitment.kind = request.kind();
        commitment.description = request.description();
        commitment.quote = null;
        commitment.confidence = null;
        commitment.promisedTo = request.promisedTo() == null ? PromisedTo.USER : request.promisedTo();
        commitment.dueAt = request.dueAt();
        madeBy(commitment, interaction);
        commitment.state = CommitmentState.OPEN;
    }

    private static void madeBy(Commitment commitment, Interaction interaction) {
        commitment.madeAt = interaction.occurredAt();
        commitment.madeByEventId = interaction.eventId();
        commitment.agentId = interaction.author() == null ? null : interaction.author().id();
        commitment.agentWords = interaction.body();
        commitment.breached = false;
        commitment.closedAt = null;
        commitment.closedByEventId = null;
    }

    // ---------------------------------------------------------------- actions

    private Acted confirm(PromiseScope scope, Commitment c, PromiseAction action) {
        if (c.state == CommitmentState.OPEN
                && (action.dueAt().isEmpty() || action.dueAt().get().equals(c.dueAt))) {
            return new Acted(c, false);
        }
        if (c.state != CommitmentState.SUGGESTED) {
            throw refusedByState(c, "confirmed", c.state == CommitmentState.OPEN
                    ? " (to change the time of an open promise, reschedule it)"
                    : "");
        }
        Instant due = action.dueAt().orElse(c.dueAt);
        if (due == null) {
            throw new ActionRefused(Reason.REQUEST, "promise " + c.id + " (\"" + c.quote + "\") has no time yet: "
                    + "confirm it with dueAt, the time by which it will be kept");
        }
        requireFuture(due, action.at(), c);
        c.dueAt = due;
        c.state = CommitmentState.OPEN;
        scope.store().changed(c);
        arm(scope, c);
        LOG.infof("Ticket %s: promise %s confirmed by %s, due %s", scope.ticket(), c.id, action.actorId(), due);
        return new Acted(c, true);
    }

    private Acted reschedule(PromiseScope scope, Commitment c, PromiseAction action) {
        Instant due = action.dueAt().orElseThrow(() -> new ActionRefused(Reason.REQUEST,
                "dueAt is required: the new time by which promise " + c.id + " will be kept"));
        if (c.state == CommitmentState.OPEN && due.equals(c.dueAt)) {
            return new Acted(c, false);
        }
        if (!c.active()) {
            throw refusedByState(c, "rescheduled", "");
        }
        requireFuture(due, action.at(), c);
        withdrawIfAlerted(scope, c, AlertWithdrawal.Reason.RESCHEDULED);
        scope.due().cancelForCommitment(c.source, c.id);
        c.revision++;
        c.dueAt = due;
        c.state = CommitmentState.OPEN;
        scope.store().changed(c);
        arm(scope, c);
        LOG.infof("Ticket %s: promise %s rescheduled by %s to %s (revision %d)%s", scope.ticket(), c.id,
                action.actorId(), due, c.revision, action.reason().map(r -> ": " + r).orElse(""));
        return new Acted(c, true);
    }

    private Acted cancel(PromiseScope scope, Commitment c, PromiseAction action) {
        if (action.reason().isEmpty()) {
            throw new ActionRefused(Reason.REQUEST, "reason is required: why promise " + c.id + " is withdrawn");
        }
        if (c.state == CommitmentState.CANCELLED) {
            return new Acted(c, false);
        }
        if (!c.active()) {
            throw refusedByState(c, "cancelled", "");
        }
        close(scope, c, CommitmentState.CANCELLED, action.at(), action.id());
        LOG.infof("Ticket %s: promise %s cancelled by %s: %s", scope.ticket(), c.id, action.actorId(),
                action.reason().orElse(""));
        return new Acted(c, true);
    }

    private Acted keep(PromiseScope scope, Commitment c, PromiseAction action) {
        if (c.state == CommitmentState.KEPT) {
            return new Acted(c, false);
        }
        if (!c.active()) {
            throw refusedByState(c, "kept", "");
        }
        close(scope, c, CommitmentState.KEPT, action.at(), action.id());
        LOG.infof("Ticket %s: promise %s marked kept by %s%s", scope.ticket(), c.id, action.actorId(),
                c.breached ? " (late)" : "");
        return new Acted(c, true);
    }

    private static ActionRefused refusedByState(Commitment c, String verb, String hint) {
        return new ActionRefused(Reason.STATE, "promise " + c.id + " is " + c.state + ": only an open or suggested "
                + "promise can be " + verb + hint);
    }

    private static void requireFuture(Instant due, Instant now, Commitment c) {
        if (!due.isAfter(now)) {
            throw new ActionRefused(Reason.REQUEST, "dueAt " + due + " is not in the future (now " + now + "): "
                    + "promise " + c.id + " needs a time still ahead");
        }
    }

    // ---------------------------------------------------------------- alerts

    /** Schedules an open promise's alerts for its current revision and due time. */
    private void arm(PromiseScope scope, Commitment commitment) {
        arm(scope.due(), scope.ticket(), scope.context(), scope.calendar(), commitment);
    }

    private void arm(DueItems due, TicketRef ticket, Alert.TicketContext context, WorkingHoursCalendar calendar,
            Commitment commitment) {
        BusinessCalendar delays = delaysOf(ticket.source()) == DelaysIn.WORKING_HOURS
                ? calendar
                : BusinessCalendar.alwaysOpen();
        // a next step's escalations say what the user was told: this promise, when it was made
        Alert.NextStep told = commitment.origin == CommitmentOrigin.APOLOGY
                ? new Alert.NextStep(commitment.id, commitment.madeAt, commitment.dueAt)
                : null;
        for (Schedule alert : rules.schedule(commitment.madeAt, commitment.dueAt, commitment.promisedTo,
                commitment.round, clock.instant(), delays)) {
            due.schedule(PendingAlert.promise(ticket, context, commitment.context(), commitment.revision,
                    commitment.dueAt, alert, alert.kind() == AlertKind.ESCALATED ? told : null));
        }
    }

    // ---------------------------------------------------------------- the next step of an apology

    /**
     * The next step promised in the apology {@code apologyAlertId} for the late promise {@code late} (its id,
     * revision and round), told at {@code toldAt}: an UPDATE promised to the user, origin APOLOGY, round + 1, owned by
     * the ticket's assignee, due {@code promesa.commitments.apology-window} of {@code hours} later. No description:
     * the notifier words it from its kind and origin ("le escribiremos antes de …"). Not stored: the caller records
     * it and then {@link #armNextStep arms} it.
     */
    public Commitment nextStep(TicketRef ticket, Alert.CommitmentContext late, int lateRevision,
            String apologyAlertId, String assigneeId, Instant toldAt, BusinessCalendar hours) {
        Commitment c = new Commitment();
        c.source = ticket.source();
        c.id = NextStepRules.nextStepId(late.commitmentId(), lateRevision, late.round());
        c.ticketId = ticket.ticketId();
        c.revision = 1;
        c.kind = CommitmentKind.UPDATE;
        c.description = null;
        c.promisedTo = PromisedTo.USER;
        c.origin = CommitmentOrigin.APOLOGY;
        c.round = late.round() + 1;
        c.madeAt = toldAt;
        c.madeByEventId = apologyAlertId;
        c.agentId = assigneeId;
        c.dueAt = nextSteps.dueAt(toldAt, hours);
        c.state = CommitmentState.OPEN;
        return c;
    }

    /** Whether a promise of this round, missed and promised to the user, is apologised for with a next step. */
    public static boolean apologisedWithNextStep(Alert.CommitmentContext late) {
        return late.promisedTo() == PromisedTo.USER && NextStepRules.apologises(late.round());
    }

    /** Schedules a recorded next step's alerts, on the pending alerts of the caller's transaction. */
    public void armNextStep(DueItems due, TicketRef ticket, Alert.TicketContext context,
            WorkingHoursCalendar calendar, Commitment nextStep) {
        arm(due, ticket, context, calendar, nextStep);
    }

    /**
     * An open promise that is closed or rescheduled now: if any of its alerts may have been published (the time of
     * its first alert has come), the notifier is told they are stale; the due check publishes that only if one was
     * in fact published. A promise closed before its first alert time costs nothing more than before.
     */
    private void withdrawIfAlerted(PromiseScope scope, Commitment commitment, AlertWithdrawal.Reason reason) {
        if (commitment.state != CommitmentState.OPEN || commitment.dueAt == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(rules.firstAlertAt(commitment.madeAt, commitment.dueAt))) {
            return;
        }
        scope.due().withdrawPublished(AlertIds.withdrawalOf(scope.ticket(), commitment.id, reason, now));
    }

    private DelaysIn delaysOf(String source) {
        return sources.of(source).flatMap(s -> s.commitments().delaysIn()).orElse(config.delaysIn());
    }

    private void close(PromiseScope scope, Commitment commitment, CommitmentState state, Instant at, String eventId) {
        if (state != CommitmentState.SETTLED) {
            // a settled promise's ticket was resolved: the ticket's own withdrawal covers every alert of it
            withdrawIfAlerted(scope, commitment,
                    state == CommitmentState.KEPT ? AlertWithdrawal.Reason.KEPT : AlertWithdrawal.Reason.CANCELLED);
        }
        commitment.state = state;
        commitment.closedAt = at;
        commitment.closedByEventId = eventId;
        commitment.breached = commitment.dueAt != null && at.isAfter(commitment.dueAt);
        scope.store().changed(commitment);
        scope.due().cancelForCommitment(commitment.source, commitment.id);
        LOG.debugf("Ticket %s: promise %s %s at %s by %s%s; its pending alerts withdrawn", scope.ticket(),
                commitment.id, state.name().toLowerCase(), at, eventId, commitment.breached ? " (late)" : "");
    }
}
