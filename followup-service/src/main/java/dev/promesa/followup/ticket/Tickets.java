package dev.promesa.followup.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.commitment.Commitments;
import dev.promesa.followup.commitment.PromiseAction;
import dev.promesa.followup.commitment.PromiseScope;
import dev.promesa.followup.scheduling.AlertIds;
import dev.promesa.followup.sla.ClockScope;
import dev.promesa.followup.sla.SlaClocks;
import dev.promesa.followup.sla.SlaPolicies;

/**
 * Applies snapshots and interactions to a ticket and drives its commitments and clocks from what changed. Called in
 * the event's transaction, in the order the ticket's events were accepted, on the transaction's working set
 * ({@link TicketWork}): it reads and changes what the ingest loaded, and queries nothing itself.
 */
@ApplicationScoped
public class Tickets {

    private static final Logger LOG = Logger.getLogger(Tickets.class);

    private final Commitments commitments;
    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final SatisfactionChecks satisfaction;
    private final Clock clock;

    Tickets(Commitments commitments, SlaClocks clocks, SlaPolicies policies, SatisfactionChecks satisfaction,
            Clock clock) {
        this.commitments = commitments;
        this.clocks = clocks;
        this.policies = policies;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    public void applySnapshot(TicketWork work, TicketSnapshot snapshot, String source) {
        Instant at = snapshot.occurredAt();
        TicketRef ref = new TicketRef(source, snapshot.ticketId());
        Ticket ticket = work.tickets().find(ref);
        if (ticket == null) {
            ticket = newTicket(work, ref, at, false);
        } else if (ticket.lastSnapshotAt != null && at.isBefore(ticket.lastSnapshotAt)) {
            LOG.debugf("Ticket %s: snapshot %s of %s is older than the one applied (%s); ignored", ref,
                    snapshot.eventId(), at, ticket.lastSnapshotAt);
            return;
        }
        TicketStatus before = ticket.status;
        Alert.TicketContext contextBefore = ticket.context();
        boolean retarget = ticket.priority != null
                && (ticket.priority != snapshot.priority() || !Objects.equals(ticket.slaPolicy, snapshot.slaPolicy()));
        copy(snapshot, ticket);
        if (at.isBefore(ticket.createdAt)) {
            ticket.createdAt = at;
        }
        if (!ticket.context().equals(contextBefore)) {
            work.due().ticketChanged(ref, ticket.context());
        }

        if (ticket.priority != null && !ticket.clocksStarted && !ticket.isDone()) {
            clocks.start(clockScope(work, ticket), Optional.ofNullable(ticket.firstResponseAt), at);
            ticket.clocksStarted = true;
        } else if (retarget && ticket.priority != null) {
            clocks.retarget(clockScope(work, ticket), at);
        }
        applyStatusChange(work, ticket, before, snapshot, at);
        ticket.updatedAt = clock.instant();
    }

    public void applyInteraction(TicketWork work, Interaction interaction, String source) {
        TicketRef ref = new TicketRef(source, interaction.ticketId());
        Ticket ticket = work.tickets().find(ref);
        if (ticket == null) {
            // Interactions may overtake the ticket's first snapshot: keep them, the snapshot completes the ticket.
            ticket = newTicket(work, ref, interaction.occurredAt(), true);
            LOG.debugf("Ticket %s: first seen through interaction %s; placeholder created until its snapshot arrives",
                    ref, interaction.eventId());
        }
        work.tickets().recorded(entry(source, interaction));
        if (interaction.publicAgentResponse()
                && (ticket.firstResponseAt == null || interaction.occurredAt().isBefore(ticket.firstResponseAt))) {
            ticket.firstResponseAt = interaction.occurredAt();
        }
        commitments.onInteraction(promiseScope(work, ticket), interaction);
        if (ticket.priority != null) {
            if (interaction.publicAgentResponse()) {
                clocks.onPublicAgentResponse(clockScope(work, ticket), interaction.occurredAt());
            } else if (interaction.author().role() == AuthorRole.USER
                    && interaction.kind() == InteractionKind.USER_MESSAGE) {
                clocks.onUserMessage(clockScope(work, ticket), interaction.occurredAt());
            }
        }
        ticket.updatedAt = clock.instant();
    }

    /**
     * A person acts on one of the ticket's promises (which must be loaded in {@code work}): the promise rules decide,
     * and what changed goes on the timeline with who did it. A refused action
     * ({@link dev.promesa.followup.commitment.ActionRefused}) changes nothing.
     */
    public Commitments.Acted applyAction(TicketWork work, TicketRef ref, PromiseAction action) {
        Ticket ticket = work.tickets().find(ref);
        if (ticket == null) {
            throw new IllegalArgumentException("ticket " + ref + " is not in the working set");
        }
        Commitments.Acted acted = commitments.act(promiseScope(work, ticket), action);
        if (acted.changed()) {
            work.tickets().recorded(activity(ref, action, acted.commitment().dueAt));
            ticket.updatedAt = clock.instant();
        }
        return acted;
    }

    /**
     * An email Promesa sent about the ticket goes on its timeline (who, when, what kind, the subject). Changes no
     * promise and no clock.
     *
     * @return false when followup does not know the ticket: there is nothing to record it on
     */
    public boolean recordEmail(TicketWork work, EmailSent email, String source) {
        TicketRef ref = new TicketRef(source, email.ticketId());
        Ticket ticket = work.tickets().find(ref);
        if (ticket == null) {
            return false;
        }
        TicketActivity activity = new TicketActivity();
        activity.source = source;
        activity.id = email.eventId();
        activity.ticketId = email.ticketId();
        activity.occurredAt = email.sentAt();
        activity.type = ActivityType.EMAIL_SENT;
        activity.commitmentId = email.commitmentId();
        activity.recipientRole = email.recipientRole();
        activity.recipient = email.recipient();
        activity.alertKind = email.alertKind();
        activity.subject = email.subject();
        work.tickets().recorded(activity);
        ticket.updatedAt = clock.instant();
        return true;
    }

    private static TicketActivity activity(TicketRef ref, PromiseAction action, Instant dueAt) {
        TicketActivity activity = new TicketActivity();
        activity.source = ref.source();
        activity.id = action.id();
        activity.ticketId = ref.ticketId();
        activity.occurredAt = action.at();
        activity.type = ActivityType.of(action.type());
        activity.actorId = action.actorId();
        activity.commitmentId = action.commitmentId();
        activity.dueAt = dueAt;
        activity.reason = action.reason().orElse(null);
        return activity;
    }

    private void applyStatusChange(TicketWork work, Ticket ticket, TicketStatus before, TicketSnapshot snapshot,
            Instant at) {
        TicketStatus after = ticket.status;
        boolean wasDone = before != null && before.isDone();
        if (!wasDone && after.isDone()) {
            ticket.resolvedAt = at;
            commitments.settleAll(promiseScope(work, ticket), at, snapshot.eventId());
            // every alert already published about the ticket (but the satisfaction check) is stale now; the due check
            // publishes this only if there was one
            work.due().withdrawPublished(AlertIds.withdrawalOf(ticket.ref(), null, AlertWithdrawal.Reason.RESOLVED,
                    clock.instant()));
            if (ticket.priority != null) {
                clocks.stop(clockScope(work, ticket), at);
            }
            if (before != null) {
                satisfaction.schedule(work.due(), ticket, at);
            } // else first seen already done (an import): no resolution was witnessed, so no "did it hold?"
            LOG.debugf("Ticket %s: %s at %s; open promises settled, clocks stopped", ticket.ref(), after, at);
        } else if (wasDone && !after.isDone()) {
            satisfaction.cancel(work.due(), ticket);
            ticket.recurrences++;
            ticket.resolvedAt = null;
            if (ticket.priority != null) {
                clocks.reopen(clockScope(work, ticket), at);
            }
            LOG.debugf("Ticket %s: reopened at %s (recurrence %d)", ticket.ref(), at, ticket.recurrences);
        }
        if (ticket.priority == null || after.isDone()) {
            return;
        }
        if (after == TicketStatus.WAITING_ON_USER && before != TicketStatus.WAITING_ON_USER && !ticket.clocksPaused) {
            clocks.pause(clockScope(work, ticket), at);
        } else if (after != TicketStatus.WAITING_ON_USER && ticket.clocksPaused) {
            clocks.resume(clockScope(work, ticket), at);
        }
    }

    private PromiseScope promiseScope(TicketWork work, Ticket ticket) {
        return new PromiseScope(work.commitments(), work.due(), ticket.ref(), ticket.context(),
                policies.forTicket(ticket.source, ticket.slaPolicy).businessCalendar());
    }

    private static ClockScope clockScope(TicketWork work, Ticket ticket) {
        return new ClockScope(work.clocks(), work.due(), ticket);
    }

    private static Ticket newTicket(TicketWork work, TicketRef ref, Instant createdAt, boolean placeholder) {
        Ticket ticket = new Ticket();
        ticket.source = ref.source();
        ticket.id = ref.ticketId();
        ticket.createdAt = createdAt;
        ticket.placeholder = placeholder;
        ticket.updatedAt = createdAt;
        work.tickets().added(ticket);
        return ticket;
    }

    private static void copy(TicketSnapshot snapshot, Ticket ticket) {
        ticket.subject = snapshot.subject();
        ticket.priority = snapshot.priority();
        ticket.status = snapshot.status();
        ticket.channel = snapshot.channel();
        ticket.requester = PersonColumns.of(snapshot.requester(), ticket.requester);
        ticket.assignee = PersonColumns.of(snapshot.assignee(), ticket.assignee);
        ticket.team = snapshot.team();
        ticket.slaPolicy = snapshot.slaPolicy();
        ticket.placeholder = false;
        ticket.lastSnapshotAt = snapshot.occurredAt();
    }

    private static TimelineEntry entry(String source, Interaction interaction) {
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
        return entry;
    }
}
