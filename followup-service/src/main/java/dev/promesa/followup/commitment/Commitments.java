package dev.promesa.followup.commitment;

import dev.promesa.config.CommitmentConfig;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.duecheck.DueItems;
import dev.promesa.followup.duecheck.PendingAlert;
import dev.promesa.followup.duecheck.Schedule;
import dev.promesa.followup.ingest.InvalidEventException;
import dev.promesa.followup.ticket.Ticket;

/** Makes, keeps, reschedules and settles promises, and keeps their pending alerts in step. */
@ApplicationScoped
public class Commitments {

    private static final Logger LOG = Logger.getLogger(Commitments.class);

    private final CommitmentRules rules;
    private final DueItems dueItems;
    private final Clock clock;

    Commitments(CommitmentConfig config, DueItems dueItems, Clock clock) {
        this.rules = new CommitmentRules(config.dueSoonLead(), config.userGrace(), config.escalationDelay());
        this.dueItems = dueItems;
        this.clock = clock;
    }

    /**
     * Applies an interaction: first it keeps the open promises it keeps, then it records the promise it makes (or
     * reschedules the open one whose id it repeats).
     */
    public void onInteraction(Ticket ticket, Interaction interaction) {
        CommitmentRequest request = interaction.commitment();
        String promisedId = request == null ? null : idOf(request, interaction);
        for (Commitment open : Commitment.openOn(ticket.ref())) {
            if (!open.id.equals(promisedId) && CommitmentRules.keeps(interaction, open)) {
                close(open, CommitmentState.KEPT, interaction.occurredAt(), interaction.eventId());
            }
        }
        if (request != null) {
            promise(ticket, interaction, request, promisedId);
        }
    }

    /** The ticket was resolved or closed: every open promise is settled, its alerts withdrawn. */
    public void settleAll(Ticket ticket, Instant at, String eventId) {
        for (Commitment open : Commitment.openOn(ticket.ref())) {
            close(open, CommitmentState.SETTLED, at, eventId);
        }
    }

    /** The promise's id: the one given, else the id of the interaction that made it. */
    public static String idOf(CommitmentRequest request, Interaction interaction) {
        return request.commitmentId() != null && !request.commitmentId().isBlank()
                ? request.commitmentId()
                : interaction.eventId();
    }

    private void promise(Ticket ticket, Interaction interaction, CommitmentRequest request, String id) {
        Commitment commitment = Commitment.find(ticket.source, id);
        if (commitment == null) {
            commitment = new Commitment();
            commitment.source = ticket.source;
            commitment.id = id;
            commitment.ticketId = ticket.id;
            commitment.revision = 1;
            fill(commitment, interaction, request);
            commitment.persist();
            LOG.infof("Ticket %s: %s promise %s due %s (%s)", ticket.ref(), commitment.kind, id, commitment.dueAt,
                    commitment.promisedTo);
        } else if (!commitment.ticketId.equals(ticket.id)) {
            throw new InvalidEventException("commitment id '" + id + "' already belongs to ticket "
                    + commitment.ticketId + "; commitment ids must be unique across a help desk's tickets");
        } else {
            // The same id again: a new due time (or a closed promise made again). A new revision gives new alert ids.
            dueItems.cancelForCommitment(ticket.source, id);
            commitment.revision++;
            fill(commitment, interaction, request);
            LOG.infof("Ticket %s: promise %s rescheduled to %s (revision %d)", ticket.ref(), id, commitment.dueAt,
                    commitment.revision);
        }
        for (Schedule alert : rules.schedule(commitment.madeAt, commitment.dueAt, commitment.promisedTo,
                clock.instant())) {
            dueItems.schedule(PendingAlert.promise(ticket.ref(), id, commitment.revision, alert));
        }
    }

    private static void fill(Commitment commitment, Interaction interaction, CommitmentRequest request) {
        commitment.kind = request.kind();
        commitment.description = request.description();
        commitment.promisedTo = request.promisedTo() == null
                ? PromisedTo.USER
                : request.promisedTo();
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

    private void close(Commitment commitment, CommitmentState state, Instant at, String eventId) {
        commitment.state = state;
        commitment.closedAt = at;
        commitment.closedByEventId = eventId;
        commitment.breached = at.isAfter(commitment.dueAt);
        long withdrawn = dueItems.cancelForCommitment(commitment.source, commitment.id);
        LOG.infof("Ticket %s: promise %s %s at %s by %s%s; %d pending alert(s) withdrawn", commitment.ticketId,
                commitment.id, state.name().toLowerCase(), at, eventId, commitment.breached ? " (late)" : "",
                withdrawn);
    }
}
