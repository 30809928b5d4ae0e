package dev.promesa.followup.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.commitment.Commitments;
import dev.promesa.followup.sla.SatisfactionChecks;
import dev.promesa.followup.sla.SlaClocks;

/**
 * Applies snapshots and interactions to a ticket and drives its commitments and clocks from what changed. Called in
 * the event's transaction, in the order the ticket's events were accepted.
 */
@ApplicationScoped
public class Tickets {

    private static final Logger LOG = Logger.getLogger(Tickets.class);

    private final Commitments commitments;
    private final SlaClocks clocks;
    private final SatisfactionChecks satisfaction;
    private final Clock clock;

    Tickets(Commitments commitments, SlaClocks clocks, SatisfactionChecks satisfaction, Clock clock) {
        this.commitments = commitments;
        this.clocks = clocks;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    public void applySnapshot(TicketSnapshot snapshot, String source) {
        Instant at = snapshot.occurredAt();
        TicketRef ref = new TicketRef(source, snapshot.ticketId());
        Ticket ticket = Ticket.find(ref);
        if (ticket == null) {
            ticket = newTicket(ref, at, false);
        } else if (ticket.lastSnapshotAt != null && at.isBefore(ticket.lastSnapshotAt)) {
            LOG.infof("Ticket %s: snapshot %s of %s is older than the one applied (%s); ignored", ref,
                    snapshot.eventId(), at, ticket.lastSnapshotAt);
            return;
        }
        TicketStatus before = ticket.status;
        boolean retarget = ticket.priority != null
                && (ticket.priority != snapshot.priority() || !Objects.equals(ticket.slaPolicy, snapshot.slaPolicy()));
        copy(snapshot, ticket);
        if (at.isBefore(ticket.createdAt)) {
            ticket.createdAt = at;
        }

        if (ticket.priority != null && !clocks.hasClocks(ticket) && !ticket.isDone()) {
            clocks.start(ticket, firstPublicAgentResponse(ref), at);
        } else if (retarget && ticket.priority != null) {
            clocks.retarget(ticket, at);
        }
        applyStatusChange(ticket, before, snapshot, at);
        ticket.updatedAt = clock.instant();
    }

    public void applyInteraction(Interaction interaction, String source) {
        TicketRef ref = new TicketRef(source, interaction.ticketId());
        Ticket ticket = Ticket.find(ref);
        if (ticket == null) {
            // Interactions may overtake the ticket's first snapshot: keep them, the snapshot completes the ticket.
            ticket = newTicket(ref, interaction.occurredAt(), true);
            LOG.infof("Ticket %s: first seen through interaction %s; placeholder created until its snapshot arrives",
                    ref, interaction.eventId());
        }
        record(source, interaction);
        commitments.onInteraction(ticket, interaction);
        if (ticket.priority != null) {
            if (interaction.publicAgentResponse()) {
                clocks.onPublicAgentResponse(ticket, interaction.occurredAt());
            } else if (interaction.author().role() == AuthorRole.USER
                    && interaction.kind() == InteractionKind.USER_MESSAGE) {
                clocks.onUserMessage(ticket, interaction.occurredAt());
            }
        }
        ticket.updatedAt = clock.instant();
    }

    private void applyStatusChange(Ticket ticket, TicketStatus before, TicketSnapshot snapshot, Instant at) {
        TicketStatus after = ticket.status;
        boolean wasDone = before != null && before.isDone();
        if (!wasDone && after.isDone()) {
            ticket.resolvedAt = at;
            commitments.settleAll(ticket, at, snapshot.eventId());
            if (ticket.priority != null) {
                clocks.stop(ticket, at);
            }
            if (before != null) {
                satisfaction.schedule(ticket, at);
            } // else first seen already done (an import): no resolution was witnessed, so no "did it hold?"
            LOG.infof("Ticket %s: %s at %s; open promises settled, clocks stopped", ticket.ref(), after, at);
        } else if (wasDone && !after.isDone()) {
            satisfaction.cancel(ticket);
            ticket.recurrences++;
            ticket.resolvedAt = null;
            if (ticket.priority != null) {
                clocks.reopen(ticket, at);
            }
            LOG.infof("Ticket %s: reopened at %s (recurrence %d)", ticket.ref(), at, ticket.recurrences);
        }
        if (ticket.priority == null || after.isDone()) {
            return;
        }
        if (after == TicketStatus.WAITING_ON_USER && before != TicketStatus.WAITING_ON_USER && !ticket.clocksPaused) {
            clocks.pause(ticket, at);
        } else if (after != TicketStatus.WAITING_ON_USER && ticket.clocksPaused) {
            clocks.resume(ticket, at);
        }
    }

    private static Ticket newTicket(TicketRef ref, Instant createdAt, boolean placeholder) {
        Ticket ticket = new Ticket();
        ticket.source = ref.source();
        ticket.id = ref.ticketId();
        ticket.createdAt = createdAt;
        ticket.placeholder = placeholder;
        ticket.updatedAt = createdAt;
        ticket.persist();
        return ticket;
    }

    private static void copy(TicketSnapshot snapshot, Ticket ticket) {
        ticket.subject = snapshot.subject();
        ticket.priority = snapshot.priority();
        ticket.status = snapshot.status();
        ticket.channel = snapshot.channel();
        ticket.requester = PersonColumns.of(snapshot.requester());
        ticket.assignee = PersonColumns.of(snapshot.assignee());
        ticket.team = snapshot.team();
        ticket.slaPolicy = snapshot.slaPolicy();
        ticket.placeholder = false;
        ticket.lastSnapshotAt = snapshot.occurredAt();
    }

    private static void record(String source, Interaction interaction) {
        TimelineEntry entry = new TimelineEntry();
        entry.source = source;
        entry.eventId = interaction.eventId();
        entry.ticketId = interaction.ticketId();
        entry.occurredAt = interaction.occurredAt();
        entry.kind = interaction.kind();
        entry.channel = interaction.channel();
        entry.authorId = interaction.author().id();
        entry.authorRole = interaction.author().role();
        entry.visibility = interaction.visibility();
        entry.body = interaction.body();
        entry.commitmentId = interaction.commitment() == null
                ? null
                : Commitments.idOf(interaction.commitment(), interaction);
        entry.fulfils = interaction.fulfils().isEmpty() ? null : String.join(",", interaction.fulfils());
        entry.persist();
    }

    /** When the first public agent response on the timeline happened, if any (for tickets first seen late). */
    private static Optional<Instant> firstPublicAgentResponse(TicketRef ref) {
        TimelineEntry first = TimelineEntry.find(
                "source = ?1 and ticketId = ?2 and authorRole = ?3 and visibility = ?4 and kind in ?5 order by occurredAt",
                ref.source(), ref.ticketId(), AuthorRole.AGENT, Visibility.PUBLIC,
                List.of(InteractionKind.AGENT_REPLY, InteractionKind.CALL_SUMMARY)).firstResult();
        return Optional.ofNullable(first).map(e -> e.occurredAt);
    }
}
