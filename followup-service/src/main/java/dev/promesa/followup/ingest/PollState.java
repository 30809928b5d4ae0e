package dev.promesa.followup.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentStore;
import dev.promesa.followup.persistence.SourceKey;
import dev.promesa.followup.scheduling.DueItemChanges;
import dev.promesa.followup.sla.ClockStore;
import dev.promesa.followup.sla.SlaClock;
import dev.promesa.followup.ticket.Ticket;
import dev.promesa.followup.ticket.TicketActivity;
import dev.promesa.followup.ticket.TicketStore;
import dev.promesa.followup.ticket.TicketWork;
import dev.promesa.followup.ticket.TimelineEntry;

/**
 * One transaction's working set: the tickets its events touch, their active promises (and any promise an event names),
 * their active clocks, RESOLUTION clocks and last NEXT_UPDATE cycles, all loaded up front by {@link PollLoader} with
 * one query each; then what the rules changed, for {@link PollWriter} to write in batches. Nothing here queries the
 * database: the rules answer every lookup from memory.
 */
final class PollState implements TicketStore, CommitmentStore, ClockStore {

    private final Map<TicketRef, Ticket> tickets = new HashMap<>();
    private final Map<SourceKey, Commitment> commitments = new LinkedHashMap<>();
    private final Map<TicketRef, List<Commitment>> commitmentsByTicket = new HashMap<>();
    private final Map<TicketRef, List<SlaClock>> clocks = new HashMap<>();
    private final ClockIds clockIds;

    private final Set<TicketRef> touched = new LinkedHashSet<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<TicketActivity> activities = new ArrayList<>();
    private final Set<Commitment> changedCommitments = new LinkedHashSet<>();
    private final Set<SlaClock> changedClocks = new LinkedHashSet<>();
    private final DueItemChanges due = new DueItemChanges();

    PollState(ClockIds clockIds) {
        this.clockIds = clockIds;
    }

    TicketWork work() {
        return new TicketWork(this, this, this, due);
    }

    // ---------------------------------------------------------------- loading

    void loaded(Ticket ticket) {
        tickets.put(ticket.ref(), ticket);
    }

    void loaded(Commitment commitment) {
        index(commitment);
    }

    private void index(Commitment commitment) {
        commitments.put(new SourceKey(commitment.source, commitment.id), commitment);
        commitmentsByTicket.computeIfAbsent(commitment.ticket(), k -> new ArrayList<>()).add(commitment);
    }

    void loaded(SlaClock clock) {
        clocks.computeIfAbsent(clock.ticket(), k -> new ArrayList<>()).add(clock);
    }

    // ---------------------------------------------------------------- tickets

    @Override
    public Ticket find(TicketRef ticket) {
        Ticket found = tickets.get(ticket);
        if (found != null) {
            touched.add(ticket);
        }
        return found;
    }

    @Override
    public void added(Ticket ticket) {
        tickets.put(ticket.ref(), ticket);
        touched.add(ticket.ref());
    }

    @Override
    public void recorded(TimelineEntry entry) {
        timeline.add(entry);
    }

    @Override
    public void recorded(TicketActivity activity) {
        activities.add(activity);
    }

    // ---------------------------------------------------------------- commitments

    @Override
    public List<Commitment> activeOn(TicketRef ticket) {
        List<Commitment> open = new ArrayList<>();
        for (Commitment c : commitmentsByTicket.getOrDefault(ticket, List.of())) {
            if (c.active()) {
                open.add(c);
            }
        }
        open.sort(Comparator.comparing((Commitment c) -> c.madeAt));
        return open;
    }

    @Override
    public Optional<Commitment> find(String source, String commitmentId) {
        return Optional.ofNullable(commitments.get(new SourceKey(source, commitmentId)));
    }

    @Override
    public void added(Commitment commitment) {
        index(commitment);
        changedCommitments.add(commitment);
    }

    @Override
    public void changed(Commitment commitment) {
        changedCommitments.add(commitment);
    }

    // ---------------------------------------------------------------- clocks

    @Override
    public List<SlaClock> activeOf(TicketRef ticket) {
        List<SlaClock> active = new ArrayList<>();
        for (SlaClock clock : clocks.getOrDefault(ticket, List.of())) {
            if (clock.active()) {
                active.add(clock);
            }
        }
        return active;
    }

    @Override
    public Optional<SlaClock> find(TicketRef ticket, SlaMetric metric, int cycle) {
        return clocks.getOrDefault(ticket, List.of()).stream()
                .filter(c -> c.metric == metric && c.cycle == cycle).findFirst();
    }

    @Override
    public void added(SlaClock clock) {
        clock.id = clockIds.next();
        clocks.computeIfAbsent(clock.ticket(), k -> new ArrayList<>()).add(clock);
        changedClocks.add(clock);
    }

    @Override
    public void changed(SlaClock clock) {
        changedClocks.add(clock);
    }

    // ---------------------------------------------------------------- what to write

    /** Every ticket an event touched: each one's updatedAt changed at least. */
    Collection<Ticket> touchedTickets() {
        return touched.stream().map(tickets::get).toList();
    }

    List<TimelineEntry> timeline() {
        return timeline;
    }

    List<TicketActivity> activities() {
        return activities;
    }

    Collection<Commitment> changedCommitments() {
        return changedCommitments;
    }

    Collection<SlaClock> changedClocks() {
        return changedClocks;
    }

    DueItemChanges due() {
        return due;
    }
}
