package dev.promesa.followup.sla;

import dev.promesa.config.SlaConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.followup.calendar.BusinessCalendar;
import dev.promesa.followup.duecheck.DueItems;
import dev.promesa.followup.duecheck.PendingAlert;
import dev.promesa.followup.duecheck.Schedule;
import dev.promesa.followup.ticket.Ticket;

/**
 * Runs a ticket's SLA clocks through its life: start, pause, resume, meet, stop, reopen. Every time is the event's
 * own time ({@code occurredAt}), never the processing time, so a replay computes the same due times. Called inside the
 * event's transaction.
 */
@ApplicationScoped
public class SlaClocks {

    private static final Logger LOG = Logger.getLogger(SlaClocks.class);

    private final SlaPolicies policies;
    private final SlaRules rules;
    private final DueItems dueItems;

    SlaClocks(SlaPolicies policies, SlaConfig config, DueItems dueItems) {
        this.policies = policies;
        this.rules = new SlaRules(config.warningPercent());
        this.dueItems = dueItems;
    }

    public int warningPercent() {
        return rules.warningPercent();
    }

    public boolean hasClocks(Ticket ticket) {
        return SlaClock.count("source = ?1 and ticketId = ?2", ticket.source, ticket.id) > 0;
    }

    /**
     * Starts FIRST_RESPONSE and RESOLUTION at the ticket's creation. If a public agent response is already on the
     * timeline (the ticket was first seen through its interactions), FIRST_RESPONSE is met at once.
     */
    public void start(Ticket ticket, Optional<Instant> firstResponseAt, Instant at) {
        SlaClock firstResponse = startClock(ticket, SlaMetric.FIRST_RESPONSE, 0, ticket.createdAt, at);
        if (firstResponseAt.isPresent()) {
            meet(ticket, firstResponse, firstResponseAt.get());
        }
        startClock(ticket, SlaMetric.RESOLUTION, 0, ticket.createdAt, at);
        LOG.debugf("Ticket %s: SLA clocks started (policy %s, %s)", ticket.ref(), policyOf(ticket).name(),
                ticket.priority);
    }

    /** A public agent response meets FIRST_RESPONSE and the running NEXT_UPDATE cycle, and starts the next cycle. */
    public void onPublicAgentResponse(Ticket ticket, Instant at) {
        for (SlaClock clock : SlaClock.activeOf(ticket.ref())) {
            if (clock.metric == SlaMetric.FIRST_RESPONSE || clock.metric == SlaMetric.NEXT_UPDATE) {
                meet(ticket, clock, at);
            }
        }
        if (!ticket.isDone()) {
            startClock(ticket, SlaMetric.NEXT_UPDATE, nextCycle(ticket), at, at);
        }
    }

    /** The user wrote: paused clocks resume, and an update is now owed if none is running. */
    public void onUserMessage(Ticket ticket, Instant at) {
        if (ticket.clocksPaused) {
            resume(ticket, at);
        }
        boolean updateRunning = SlaClock.activeOf(ticket.ref()).stream().anyMatch(c -> c.metric == SlaMetric.NEXT_UPDATE);
        if (!updateRunning && !ticket.isDone()) {
            startClock(ticket, SlaMetric.NEXT_UPDATE, nextCycle(ticket), at, at);
        }
    }

    /** WAITING_ON_USER: every running clock freezes the business time it used up; its future alerts are withdrawn. */
    public void pause(Ticket ticket, Instant at) {
        ticket.clocksPaused = true;
        for (SlaClock clock : SlaClock.activeOf(ticket.ref())) {
            if (clock.state == ClockState.RUNNING) {
                clock.consumedMs = consumedAt(clock, at).toMillis();
                clock.segmentStartedAt = null;
                clock.dueAt = null;
                clock.state = ClockState.PAUSED;
                dueItems.cancelForClockAfter(clock.id, at);
            }
        }
        LOG.debugf("Ticket %s: SLA clocks paused at %s (waiting on user)", ticket.ref(), at);
    }

    /** The user answered or the ticket left WAITING_ON_USER: paused clocks run again from {@code at}. */
    public void resume(Ticket ticket, Instant at) {
        ticket.clocksPaused = false;
        for (SlaClock clock : SlaClock.activeOf(ticket.ref())) {
            if (clock.state == ClockState.PAUSED) {
                clock.state = ClockState.RUNNING;
                clock.segmentStartedAt = at;
                arm(ticket, clock, at);
            }
        }
        LOG.debugf("Ticket %s: SLA clocks resumed at %s", ticket.ref(), at);
    }

    /** RESOLVED or CLOSED: RESOLUTION is met, the other clocks stop; their outcome is decided now. */
    public void stop(Ticket ticket, Instant at) {
        for (SlaClock clock : SlaClock.activeOf(ticket.ref())) {
            if (clock.metric == SlaMetric.RESOLUTION) {
                meet(ticket, clock, at);
            } else {
                finish(clock, ClockState.STOPPED, at);
            }
        }
        ticket.clocksPaused = false;
    }

    /** Reopened: RESOLUTION runs again with the business time it had used; the ticket counts a recurrence. */
    public void reopen(Ticket ticket, Instant at) {
        SlaClock resolution = SlaClock.find("source = ?1 and ticketId = ?2 and metric = ?3 and cycle = 0",
                ticket.source, ticket.id, SlaMetric.RESOLUTION).firstResult();
        if (resolution == null) {
            return;
        }
        resolution.state = ClockState.RUNNING;
        resolution.stoppedAt = null;
        resolution.segmentStartedAt = at;
        if (resolution.outcome != Outcome.BREACHED) {
            resolution.outcome = Outcome.PENDING;
            resolution.decidedAt = null;
        }
        arm(ticket, resolution, at);
    }

    /** The ticket's priority or policy changed: active clocks take the new target, due times are recomputed. */
    public void retarget(Ticket ticket, Instant at) {
        for (SlaClock clock : SlaClock.activeOf(ticket.ref())) {
            boolean running = clock.state == ClockState.RUNNING;
            if (running) {
                // Rebase the segment at `at` first, so the time before it is counted on the old calendar.
                clock.consumedMs = consumedAt(clock, at).toMillis();
                clock.segmentStartedAt = at;
            }
            SlaTarget target = targetOf(ticket, clock.metric);
            clock.policy = target.policy();
            clock.hours = target.hours();
            clock.targetMs = target.target().toMillis();
            if (running) {
                dueItems.cancelForClockAfter(clock.id, at);
                arm(ticket, clock, at);
            }
        }
    }

    /** Business time a clock has used up by {@code at}. */
    public Duration consumedAt(SlaClock clock, Instant at) {
        if (clock.state != ClockState.RUNNING || clock.segmentStartedAt == null) {
            return clock.consumed();
        }
        return clock.consumed().plus(calendarOf(clock).businessTimeBetween(clock.segmentStartedAt, at));
    }

    public BusinessCalendar calendarOf(SlaClock clock) {
        return SlaPolicies.HOURS_24X7.equals(clock.hours)
                ? BusinessCalendar.alwaysOpen()
                : policies.named(clock.policy).businessCalendar();
    }

    private SlaClock startClock(Ticket ticket, SlaMetric metric, int cycle, Instant startedAt, Instant at) {
        SlaTarget target = targetOf(ticket, metric);
        SlaClock clock = new SlaClock();
        clock.source = ticket.source;
        clock.ticketId = ticket.id;
        clock.metric = metric;
        clock.cycle = cycle;
        clock.policy = target.policy();
        clock.hours = target.hours();
        clock.targetMs = target.target().toMillis();
        clock.startedAt = startedAt;
        clock.consumedMs = 0;
        clock.outcome = Outcome.PENDING;
        clock.state = ClockState.RUNNING;
        clock.segmentStartedAt = startedAt;
        clock.persist();
        if (ticket.clocksPaused) {
            clock.consumedMs = consumedAt(clock, at).toMillis();
            clock.state = ClockState.PAUSED;
            clock.segmentStartedAt = null;
        } else {
            arm(ticket, clock, at);
        }
        return clock;
    }

    private void meet(Ticket ticket, SlaClock clock, Instant at) {
        finish(clock, ClockState.MET, at);
        LOG.debugf("Ticket %s: %s cycle %d met at %s (%s)", ticket.ref(), clock.metric, clock.cycle, at,
                clock.outcome);
    }

    private void finish(SlaClock clock, ClockState state, Instant at) {
        clock.consumedMs = consumedAt(clock, at).toMillis();
        clock.state = state;
        clock.segmentStartedAt = null;
        clock.stoppedAt = at;
        if (clock.outcome != Outcome.BREACHED) {
            clock.outcome = clock.consumedMs > clock.targetMs ? Outcome.BREACHED : Outcome.MET;
        }
        clock.decidedAt = at;
        dueItems.cancelForClockAfter(clock.id, at);
    }

    /** Computes a running clock's due time and schedules its warning and breach. */
    private void arm(Ticket ticket, SlaClock clock, Instant at) {
        BusinessCalendar calendar = calendarOf(clock);
        clock.dueAt = SlaRules.dueAt(calendar, clock.segmentStartedAt, clock.consumed(), clock.target());
        List<Schedule> alerts = rules.schedule(calendar, clock.segmentStartedAt, clock.consumed(), clock.target(),
                at);
        for (Schedule alert : alerts) {
            int percent = alert.kind() == AlertKind.SLA_WARNING ? rules.warningPercent() : 100;
            dueItems.schedule(PendingAlert.clock(ticket.ref(), clock.id, clock.metric, clock.cycle, alert, percent));
        }
    }

    private int nextCycle(Ticket ticket) {
        Integer max = SlaClock.getEntityManager()
                .createQuery("select max(c.cycle) from SlaClock c where c.source = ?1 and c.ticketId = ?2 "
                        + "and c.metric = ?3", Integer.class)
                .setParameter(1, ticket.source)
                .setParameter(2, ticket.id)
                .setParameter(3, SlaMetric.NEXT_UPDATE)
                .getSingleResult();
        return max == null ? 0 : max + 1;
    }

    private SlaTarget targetOf(Ticket ticket, SlaMetric metric) {
        return policyOf(ticket).target(ticket.priority, metric);
    }

    private SlaPolicy policyOf(Ticket ticket) {
        return policies.forTicket(ticket.source, ticket.slaPolicy);
    }
}
