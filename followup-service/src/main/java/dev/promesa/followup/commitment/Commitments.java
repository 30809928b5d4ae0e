package dev.promesa.followup.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.config.CommitmentConfig;
import dev.promesa.config.DelaysIn;
import dev.promesa.config.SourcesConfig;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.calendar.BusinessCalendar;
import dev.promesa.followup.scheduling.PendingAlert;
import dev.promesa.followup.scheduling.Schedule;

/**
 * Makes, keeps, reschedules and settles promises, and keeps their pending alerts in step. Works on the transaction's
 * working set ({@link PromiseScope}): no queries of its own.
 */
@ApplicationScoped
public class Commitments {

    private static final Logger LOG = Logger.getLogger(Commitments.class);

    private final CommitmentRules rules;
    private final CommitmentConfig config;
    private final SourcesConfig sources;
    private final Clock clock;

    Commitments(CommitmentConfig config, SourcesConfig sources, Clock clock) {
        this.rules = new CommitmentRules(config.dueSoonLead(), config.userGrace(), config.escalationDelay());
        this.config = config;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * Applies an interaction: first it keeps the open promises it keeps, then it records the promise it makes (or
     * reschedules the one whose id it repeats).
     */
    public void onInteraction(PromiseScope scope, Interaction interaction) {
        CommitmentRequest request = interaction.commitment();
        String promisedId = request == null ? null : idOf(request, interaction);
        for (Commitment open : List.copyOf(scope.store().openOn(scope.ticket()))) {
            if (!open.id.equals(promisedId) && CommitmentRules.keeps(interaction, open)) {
                close(scope, open, CommitmentState.KEPT, interaction.occurredAt(), interaction.eventId());
            }
        }
        if (request != null) {
            promise(scope, interaction, request, promisedId);
        }
    }

    /** The ticket was resolved or closed: every open promise is settled, its alerts withdrawn. */
    public void settleAll(PromiseScope scope, Instant at, String eventId) {
        for (Commitment open : List.copyOf(scope.store().openOn(scope.ticket()))) {
            close(scope, open, CommitmentState.SETTLED, at, eventId);
        }
    }

    /** The promise's id: the one given, else the id of the interaction that made it. */
    public static String idOf(CommitmentRequest request, Interaction interaction) {
        return request.commitmentId() != null && !request.commitmentId().isBlank()
                ? request.commitmentId()
                : interaction.eventId();
    }

    private void promise(PromiseScope scope, Interaction interaction, CommitmentRequest request, String id) {
        String source = scope.ticket().source();
        Optional<Commitment> existing = scope.store().find(source, id);
        Commitment commitment;
        if (existing.isEmpty()) {
            commitment = new Commitment();
            commitment.source = source;
            commitment.id = id;
            commitment.ticketId = scope.ticket().ticketId();
            commitment.revision = 1;
            fill(commitment, interaction, request);
            scope.store().added(commitment);
            LOG.infof("Ticket %s: %s promise %s due %s (%s)", scope.ticket(), commitment.kind, id, commitment.dueAt,
                    commitment.promisedTo);
        } else {
            commitment = existing.get();
            if (!commitment.ticketId.equals(scope.ticket().ticketId())) {
                throw new CommitmentIdTaken("commitment id '" + id + "' already belongs to ticket "
                        + commitment.ticketId + "; commitment ids must be unique across a help desk's tickets");
            }
            if (commitment.dueAt.equals(request.dueAt())) {
                // The same promise again (a re-post, a retry with a new event id): its alerts stay as they are, and a
                // kept or settled one stays so. Only the words may be new.
                if (commitment.state == CommitmentState.OPEN && !sameWords(commitment, request)) {
                    commitment.description = request.description();
                    scope.store().changed(commitment);
                }
                LOG.debugf("Ticket %s: promise %s posted again with its due time unchanged (%s); nothing to do",
                        scope.ticket(), id, commitment.state);
                return;
            }
            // A new due time (a reschedule, or a closed promise made again): a new revision gives new alert ids.
            scope.due().cancelForCommitment(source, id);
            commitment.revision++;
            fill(commitment, interaction, request);
            scope.store().changed(commitment);
            LOG.infof("Ticket %s: promise %s rescheduled to %s (revision %d)", scope.ticket(), id, commitment.dueAt,
                    commitment.revision);
        }
        BusinessCalendar delays = delaysOf(source) == DelaysIn.WORKING_HOURS
                ? scope.calendar()
                : BusinessCalendar.alwaysOpen();
        for (Schedule alert : rules.schedule(commitment.madeAt, commitment.dueAt, commitment.promisedTo,
                clock.instant(), delays)) {
            scope.due().schedule(PendingAlert.promise(scope.ticket(), scope.context(), commitment.context(),
                    commitment.revision, commitment.dueAt, alert));
        }
    }

    private DelaysIn delaysOf(String source) {
        return sources.of(source).flatMap(s -> s.commitments().delaysIn()).orElse(config.delaysIn());
    }

    private static boolean sameWords(Commitment commitment, CommitmentRequest request) {
        return Objects.equals(commitment.description, request.description());
    }

    private static void fill(Commitment commitment, Interaction interaction, CommitmentRequest request) {
        commitment.kind = request.kind();
        commitment.description = request.description();
        commitment.promisedTo = request.promisedTo() == null ? PromisedTo.USER : request.promisedTo();
        commitment.dueAt = request.dueAt();
        commitment.madeAt = interaction.occurredAt();
        commitment.madeByEventId = interaction.eventId();
        commitment.agentId = interaction.author() == null ? null : interaction.author().id();
        commitment.agentWords = interaction.body();
        commitment.state = CommitmentState.OPEN;
        commitment.breached = false;
        commitment.closedAt = null;
        commitment.closedByEventId = null;
    }

    private void close(PromiseScope scope, Commitment commitment, CommitmentState state, Instant at, String eventId) {
        commitment.state = state;
        commitment.closedAt = at;
        commitment.closedByEventId = eventId;
        commitment.breached = at.isAfter(commitment.dueAt);
        scope.store().changed(commitment);
        scope.due().cancelForCommitment(commitment.source, commitment.id);
        LOG.infof("Ticket %s: promise %s %s at %s by %s%s; its pending alerts withdrawn", scope.ticket(),
                commitment.id, state.name().toLowerCase(), at, eventId, commitment.breached ? " (late)" : "");
    }
}
