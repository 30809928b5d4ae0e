package dev.promesa.followup.duecheck;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.contracts.Alert;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.sla.SlaClock;
import dev.promesa.followup.ticket.Ticket;

/**
 * Builds the alert of a due item with everything the notifier needs: the ticket, the promise with the agent's own
 * words, or the SLA metric and target. {@code dueAt} is the promise's (or target's) due time, so {@code late} says how
 * late the promise is, not how late the check ran.
 */
@ApplicationScoped
public class AlertFactory {

    public Alert build(DueItem item, Instant firedAt) {
        Ticket ticket = Ticket.find(item.ticket());
        Alert.TicketContext ticketContext = ticket == null ? null : ticket.context();
        Alert.CommitmentContext commitment = null;
        Alert.SlaContext sla = null;
        Instant dueAt = item.dueAt;
        if (item.commitmentId != null) {
            Commitment c = Commitment.find(item.source, item.commitmentId);
            if (c != null) {
                commitment = c.context();
                dueAt = c.dueAt;
            }
        } else if (item.slaClockId != null) {
            SlaClock clock = SlaClock.findById(item.slaClockId);
            if (clock != null) {
                sla = new Alert.SlaContext(clock.metric, clock.target(), item.percent == null ? 100 : item.percent,
                        clock.policy);
                if (clock.dueAt != null) {
                    dueAt = clock.dueAt;
                }
            }
        }
        return new Alert(item.alertId, item.kind, item.level, item.ticketId, item.source, firedAt, dueAt,
                Duration.between(dueAt, firedAt), ticketContext, commitment, sla);
    }
}
