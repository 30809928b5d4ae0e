package dev.promesa.followup.sla;

import dev.promesa.config.SatisfactionConfig;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.followup.duecheck.AlertIds;
import dev.promesa.followup.duecheck.DueItems;
import dev.promesa.followup.duecheck.PendingAlert;
import dev.promesa.followup.ticket.Ticket;

/** "Did the solution hold?": asked N days after resolution, withdrawn if the ticket is reopened first. */
@ApplicationScoped
public class SatisfactionChecks {

    private final SatisfactionConfig config;
    private final DueItems dueItems;

    SatisfactionChecks(SatisfactionConfig config, DueItems dueItems) {
        this.config = config;
        this.dueItems = dueItems;
    }

    public void schedule(Ticket ticket, Instant resolvedAt) {
        dueItems.schedule(PendingAlert.satisfaction(ticket.ref(), ticket.recurrences, resolvedAt.plus(config.after())));
    }

    /** Call before counting the recurrence: the pending check belongs to the resolution being undone. */
    public void cancel(Ticket ticket) {
        dueItems.cancel(AlertIds.satisfaction(ticket.ref(), ticket.recurrences));
    }
}
