package dev.promesa.followup.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.contracts.TicketRef;

/** Reads a ticket's clocks as of now. */
@ApplicationScoped
public class ClockViews {

    private final SlaClocks clocks;
    private final Clock clock;

    ClockViews(SlaClocks clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    public List<ClockView> of(TicketRef ticket) {
        Instant now = clock.instant();
        return SlaClock.ofTicket(ticket).stream().map(c -> view(c, now)).toList();
    }

    private ClockView view(SlaClock c, Instant now) {
        Duration consumed = clocks.consumedAt(c, now);
        boolean breached = c.outcome == Outcome.BREACHED || consumed.compareTo(c.target()) > 0;
        return new ClockView(c.metric, c.cycle, c.state, c.policy, c.hours, c.target(), consumed, c.startedAt,
                c.dueAt, c.state == ClockState.PAUSED, c.state == ClockState.MET && !breached, breached,
                c.stoppedAt);
    }
}
