package dev.promesa.followup.board;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.CommitmentConfig;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.board.BoardQueries.PromiseRow;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentRules;
import dev.promesa.followup.commitment.CommitmentState;
import dev.promesa.followup.sla.ClockView;
import dev.promesa.followup.sla.ClockViews;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.followup.ticket.TimelineView;
import dev.promesa.followup.ticket.Timelines;
import dev.promesa.followup.web.Times;
import dev.promesa.followup.web.Viewer;

/** Builds the ticket page for a viewer who may see the ticket; another source's or a hidden one is empty. */
@ApplicationScoped
public class TicketPages {

    private final BoardQueries queries;
    private final ClockViews clocks;
    private final CommitmentRules rules;

    TicketPages(BoardQueries queries, ClockViews clocks, CommitmentConfig commitments) {
        this.queries = queries;
        this.clocks = clocks;
        this.rules = new CommitmentRules(commitments.dueSoonLead(), commitments.userGrace(),
                commitments.escalationDelay());
    }

    public Optional<TicketPage> page(Viewer viewer, String ticketId, String notice, String error) {
        Optional<Ticket> found = Ticket.<Ticket>find("source = ?1 and id = ?2", viewer.source(), ticketId)
                .firstResultOptional();
        if (found.isEmpty() || !viewer.sees(found.get().assignee == null ? null : found.get().assignee.email,
                found.get().team)) {
            return Optional.empty();
        }
        Ticket t = found.get();
        Instant now = queries.now();
        ZoneId zone = viewer.zone();
        String lang = viewer.language();
        List<PromiseItem> open = new ArrayList<>();
        List<TicketPage.Closed> closed = new ArrayList<>();
        for (Commitment c : Commitment.<Commitment>list("source = ?1 and ticketId = ?2 order by madeAt, id",
                t.source, t.id)) {
            if (c.state == CommitmentState.OPEN || c.state == CommitmentState.SUGGESTED) {
                boolean suggested = c.state == CommitmentState.SUGGESTED;
                Instant dueSoonAt = c.dueAt == null ? null : rules.firstAlertAt(c.madeAt, c.dueAt);
                PromiseRow row = new PromiseRow(c.id, t.id, t.subject, t.priority == null ? null : t.priority.name(),
                        t.team, t.assignee == null ? null : t.assignee.email,
                        t.assignee == null ? null : t.assignee.name, c.kind, c.description, c.promisedTo,
                        c.origin == null ? CommitmentOrigin.REQUEST : c.origin, c.quote, suggested, c.madeAt, c.dueAt,
                        PromiseStatus.of(suggested, c.dueAt, dueSoonAt, now));
                open.add(BoardViews.item(row, now, zone, lang));
            } else {
                closed.add(new TicketPage.Closed(c.id, c.kind.name(),
                        c.promisedTo == dev.promesa.contracts.PromisedTo.USER,
                        c.description, c.quote, c.state.name(), Times.at(c.dueAt, now, zone, lang),
                        Times.at(c.closedAt, now, zone, lang)));
            }
        }
        List<TicketPage.ClockLine> clockLines = new ArrayList<>();
        for (ClockView clock : clocks.of(new TicketRef(t.source, t.id))) {
            clockLines.add(new TicketPage.ClockLine(clock.metric().name(), clock.state().name(),
                    Times.at(clock.dueAt(), now, zone, lang), Times.distance(clock.dueAt(), now, lang),
                    clock.breached()));
        }
        List<TicketPage.Upcoming> upcoming = queries.dueItems(t.source, t.id).stream()
                .map(d -> new TicketPage.Upcoming(d.kind(), d.level(), Times.at(d.dueAt(), now, zone, lang),
                        Times.distance(d.dueAt(), now, lang)))
                .toList();
        List<TicketPage.Entry> timeline = new ArrayList<>();
        for (TimelineView e : Timelines.of(t)) {
            boolean interaction = "INTERACTION".equals(e.type());
            boolean email = "EMAIL_SENT".equals(e.type());
            timeline.add(new TicketPage.Entry(e.type(), Times.at(e.occurredAt(), now, zone, lang), interaction, email,
                    e.kind() == null ? null : e.kind().name(), e.authorId(),
                    e.visibility() != null && e.visibility() == dev.promesa.contracts.Visibility.INTERNAL, e.body(),
                    e.commitmentId(), Times.at(e.dueAt(), now, zone, lang), e.reason(),
                    e.recipientRole() == null ? null : e.recipientRole().name(), e.recipient(), e.subject(),
                    e.alertKind() == null ? null : e.alertKind().name()));
        }
        TicketPage.Head head = new TicketPage.Head(t.id, t.subject, t.priority == null ? "" : t.priority.name(),
                t.status == null ? "" : t.status.name(), t.team,
                t.assignee == null ? null : BoardViews.name(t.assignee.name, t.assignee.email),
                t.requester == null ? null : BoardViews.name(t.requester.name, t.requester.email),
                t.resolvedAt != null, Times.at(t.createdAt, now, zone, lang));
        return Optional.of(new TicketPage(head, open, closed, clockLines, upcoming, timeline, notice, error,
                BoardViews.version(lang, head, open, closed, clockLines, upcoming, timeline)));
    }
}
