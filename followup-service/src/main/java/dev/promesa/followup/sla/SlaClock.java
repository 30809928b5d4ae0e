package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketRef;

/**
 * One run of one service-level metric on a ticket. NEXT_UPDATE runs in cycles (0, 1, 2…), the others have cycle 0.
 * While running, {@code dueAt = calendar.plus(segmentStartedAt, target − consumed)}.
 */
@Entity
public class SlaClock extends PanacheEntityBase {

    /** From sla_clock_id_seq, given by the ingest (ClockIds); the read API only reads. */
    @Id
    public Long id;
    public String source;
    public String ticketId;
    @Enumerated(EnumType.STRING)
    public SlaMetric metric;
    public int cycle;
    public String policy;
    public String hours;
    public long targetMs;
    @Enumerated(EnumType.STRING)
    public ClockState state;
    public Instant startedAt;
    /** Business time used up before {@link #segmentStartedAt}. */
    public long consumedMs;
    /** Start of the current running segment; null while paused or stopped. */
    public Instant segmentStartedAt;
    public Instant dueAt;
    public Instant stoppedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public Instant decidedAt;

    public Duration target() {
        return Duration.ofMillis(targetMs);
    }

    public Duration consumed() {
        return Duration.ofMillis(consumedMs);
    }

    public static List<SlaClock> ofTicket(TicketRef ticket) {
        return list("source = ?1 and ticketId = ?2 order by metric, cycle", ticket.source(), ticket.ticketId());
    }

    public boolean active() {
        return state == ClockState.RUNNING || state == ClockState.PAUSED;
    }

    public TicketRef ticket() {
        return new TicketRef(source, ticketId);
    }
}
