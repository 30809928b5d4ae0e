package dev.promesa.followup.ticket;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.SatisfactionConfig;
import dev.promesa.followup.scheduling.AlertIds;
import dev.promesa.followup.scheduling.DueItems;
import dev.promesa.followup.scheduling.PendingAlert;

/** "Did the solution hold?": asked N days after resolution, withdrawn if the ticket is reopened first. */
@ApplicationScoped
public class SatisfactionChecks {

    private final SatisfactionConfig config;

    SatisfactionChecks(SatisfactionConfig config) {
        this.config = config;
    }

    public void schedule(DueItems due, Ticket ticket, Instant resolvedAt) {
        due.schedule(PendingAlert.satisfaction(ticket.ref(), ticket.context(), ticket.recurrences,
                resolvedAt.plus(config.after())));
    }

    /** Call before counting the recurrence: the pending check belongs to the resolution being undone. */
    public void cancel(DueItems due, Ticket ticket) {
        due.cancel(AlertIds.satisfaction(ticket.ref(), ticket.recurrences));
    }
}
