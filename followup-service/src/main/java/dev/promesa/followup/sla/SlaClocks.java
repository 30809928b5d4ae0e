package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.config.SlaConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.followup.scheduling.PendingAlert;
import dev.promesa.followup.scheduling.Schedule;
import dev.promesa.followup.sla.SlaRules.Arming;

/**
 * Runs a ticket's SLA clocks through its life: start, pause, resume, meet, stop, reopen, retarget. Every time is the
 * event's own time ({@code occurredAt}), never the processing time, so a replay computes the same due times. Works on
 * the transaction's working set ({@link ClockScope}): no queries of its own.
 */
@ApplicationScoped
public class SlaClocks {

    private static final Logger LOG = Logger.getLogger(SlaClocks.class);

    private final SlaPolicies policies;
    private final SlaRules rules;

    SlaClocks(SlaPolicies policies, SlaConfig config) {
        this.policies = policies;
        this.rules = new SlaRules(config.warningPercent());
    }

    public int warningPercent() {
        return rules.warningPercent();
    }

    /**
     * Starts FIRST_RESPONSE and RESOLUTION at the ticket's creation. If a public agent response is already on the
     * timeline (the ticket was first seen through its interactions), FIRST_RESPONSE is met at once.
     */
    public void start(ClockScope scope, Optional<Instant> firstResponseAt, Instant at) {
        ClockTicket ticket = scope.ticket();
        SlaClock firstResponse = startClock(scope, SlaMetric.FIRST_RESPONSE, 0, ticket.createdAt(), at);
        if (firstResponseAt.isPresent()) {
            finish(scope, firstResponse, ClockState.MET, firstResponseAt.get());
        }
        startClock(scope, SlaMetric.RESOLUTION, 0, ticket.createdAt(), at);
        LOG.debugf("Ticket %s: SLA clocks started (policy %s, %s)", ticket.ref(), policyOf(ticket).name(),
                ticket.priority());
    }

    /** A public agent response meets FIRST_RESPONSE and the running NEXT_UPDATE cycle, and starts the next cycle. */
    public void onPublicAgentResponse(ClockScope scope, Instant at) {
        for (SlaClock clock : List.copyOf(scope.store().activeOf(scope.ticket().ref()))) {
            if (clock.metric == SlaMetric.FIRST_RESPONSE || clock.metric == SlaMetric.NEXT_UPDATE) {
                finish(scope, clock, ClockState.MET, at);
            }
        }
        if (!scope.ticket().done()) {
            startClock(scope, SlaMetric.NEXT_UPDATE, scope.ticket().takeNextUpdateCycle(), at, at);
        }
    }

    /** The user wrote: paused clocks resume, and an update is now owed if none is running. */
    public void onUserMessage(ClockScope scope, Instant at) {
        if (scope.ticket().clocksPaused()) {
            resume(scope, at);
        }
        boolean updateRunning = scope.store().activeOf(scope.ticket().ref()).stream()
                .anyMatch(c -> c.metric == SlaMetric.NEXT_UPDATE);
        if (!updateRunning && !scope.ticket().done()) {
            startClock(scope, SlaMetric.NEXT_UPDATE, scope.ticket().takeNextUpdateCycle(), at, at);
        }
    }

    /** WAITING_ON_USER: every running clock freezes the business time it used up; its future alerts are withdrawn. */
    public void pause(ClockScope scope, Instant at) {
        scope.ticket().clocksPaused(true);
        for (SlaClock clock : scope.store().activeOf(scope.ticket().ref())) {
            if (clock.state == ClockState.RUNNING) {
                clock.consumedMs = consumedAt(clock, at).toMillis();
                clock.segmentStartedAt = null;
                clock.dueAt = null;
                clock.state = ClockState.PAUSED;
                scope.store().changed(clock);
                scope.due().cancelForClockAfter(clock.id, at);
            }
        }
        LOG.debugf("Ticket %s: SLA clocks paused at %s (waiting on user)", scope.ticket().ref(), at);
    }

    /** The user answered or the ticket left WAITING_ON_USER: paused clocks run again from {@code at}. */
    public void resume(ClockScope scope, Instant at) {
        scope.ticket().clocksPaused(false);
        for (SlaClock clock : scope.store().activeOf(scope.ticket().ref())) {
            if (clock.state == ClockState.PAUSED) {
                clock.state = ClockState.RUNNING;
                clock.segmentStartedAt = at;
                arm(scope, clock, at, Arming.RESUME);
            }
        }
        LOG.debugf("Ticket %s: SLA clocks resumed at %s", scope.ticket().ref(), at);
    }

    /** RESOLVED or CLOSED: RESOLUTION is met, the other clocks stop; their outcome is decided now. */
    public void stop(ClockScope scope, Instant at) {
        for (SlaClock clock : List.copyOf(scope.store().activeOf(scope.ticket().ref()))) {
            finish(scope, clock, clock.metric == SlaMetric.RESOLUTION ? ClockState.MET : ClockState.STOPPED, at);
        }
        scope.ticket().clocksPaused(false);
    }

    /**
     * Reopened: RESOLUTION runs again with the business time it had used, and so does the NEXT_UPDATE cycle the
     * resolution stopped (an update is owed again); if none was running, a new cycle starts.
     */
    public void reopen(ClockScope scope, Instant at) {
        ClockTicket ticket = scope.ticket();
        scope.store().find(ticket.ref(), SlaMetric.RESOLUTION, 0).ifPresent(resolution -> {
            if (resolution.outcome != Outcome.BREACHED) {
                resolution.outcome = Outcome.PENDING;
                resolution.decidedAt = null;
            }
            runAgain(scope, resolution, at);
        });
        Optional<SlaClock> lastUpdate = ticket.lastNextUpdateCycle() < 0
                ? Optional.empty()
                : scope.store().find(ticket.ref(), SlaMetric.NEXT_UPDATE, ticket.lastNextUpdateCycle());
        if (lastUpdate.isPresent() && lastUpdate.get().state == ClockState.STOPPED) {
            SlaClock update = lastUpdate.get();
            update.outcome = Outcome.PENDING;
            update.decidedAt = null;
            runAgain(scope, update, at);
        } else if (lastUpdate.isPresent() || ticket.lastNextUpdateCycle() < 0) {
            startClock(scope, SlaMetric.NEXT_UPDATE, ticket.takeNextUpdateCycle(), at, at);
        }
    }

    /** The ticket's priority or policy changed: active clocks take the new target, due times are recomputed. */
    public void retarget(ClockScope scope, Instant at) {
        for (SlaClock clock : scope.store().activeOf(scope.ticket().ref())) {
            boolean running = clock.state == ClockState.RUNNING;
            if (running) {
                // Rebase the segment at `at` first, so the time before it is counted on the old calendar.
                clock.consumedMs = consumedAt(clock, at).toMillis();
                clock.segmentStartedAt = at;
            }
            SlaTarget target = targetOf(scope.ticket(), clock.metric);
            clock.policy = target.policy();
            clock.hours = target.hours();
            clock.targetMs = target.target().toMillis();
            scope.store().changed(clock);
            if (running) {
                scope.due().cancelForClockAfter(clock.id, at);
                arm(scope, clock, at, Arming.CATCH_UP);
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

    private void runAgain(ClockScope scope, SlaClock clock, Instant at) {
        clock.state = scope.ticket().clocksPaused() ? ClockState.PAUSED : ClockState.RUNNING;
        clock.stoppedAt = null;
        clock.segmentStartedAt = clock.state == ClockState.RUNNING ? at : null;
        scope.store().changed(clock);
        if (clock.state == ClockState.RUNNING) {
            arm(scope, clock, at, Arming.RESUME);
        }
    }

    private SlaClock startClock(ClockScope scope, SlaMetric metric, int cycle, Instant startedAt, Instant at) {
        ClockTicket ticket = scope.ticket();
        SlaTarget target = targetOf(ticket, metric);
        SlaClock clock = new SlaClock();
        clock.source = ticket.ref().source();
        clock.ticketId = ticket.ref().ticketId();
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
        scope.store().added(clock);
        if (ticket.clocksPaused()) {
            clock.consumedMs = consumedAt(clock, at).toMillis();
            clock.state = ClockState.PAUSED;
            clock.segmentStartedAt = null;
        } else {
            arm(scope, clock, at, Arming.CATCH_UP);
        }
        return clock;
    }

    private void finish(ClockScope scope, SlaClock clock, ClockState state, Instant at) {
        clock.consumedMs = consumedAt(clock, at).toMillis();
        clock.state = state;
        clock.segmentStartedAt = null;
        clock.stoppedAt = at;
        if (clock.outcome != Outcome.BREACHED) {
            clock.outcome = clock.consumedMs > clock.targetMs ? Outcome.BREACHED : Outcome.MET;
        }
        clock.decidedAt = at;
        scope.store().changed(clock);
        scope.due().cancelForClockAfter(clock.id, at);
        LOG.debugf("Ticket %s: %s cycle %d %s at %s (%s)", scope.ticket().ref(), clock.metric, clock.cycle,
                state.name().toLowerCase(), at, clock.outcome);
    }

    /** Computes a running clock's due time and schedules its warning and breach. */
    private void arm(ClockScope scope, SlaClock clock, Instant at, Arming arming) {
        BusinessCalendar calendar = calendarOf(clock);
        clock.dueAt = SlaRules.dueAt(calendar, clock.segmentStartedAt, clock.consumed(), clock.target());
        scope.store().changed(clock);
        Alert.TicketContext context = scope.ticket().context();
        for (Schedule alert : rules.schedule(calendar, clock.segmentStartedAt, clock.consumed(), clock.target(), at,
                arming)) {
            int percent = alert.kind() == AlertKind.SLA_WARNING ? rules.warningPercent() : 100;
            Alert.SlaContext sla = new Alert.SlaContext(clock.metric, clock.target(), percent, clock.policy);
            scope.due().schedule(PendingAlert.clock(scope.ticket().ref(), context, clock.id, clock.cycle, sla,
                    clock.dueAt, alert));
        }
    }

    private SlaTarget targetOf(ClockTicket ticket, SlaMetric metric) {
        return policyOf(ticket).target(ticket.priority(), metric);
    }

    private SlaPolicy policyOf(ClockTicket ticket) {
        return policies.forTicket(ticket.ref().source(), ticket.slaPolicy());
    }
}
