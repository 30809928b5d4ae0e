package dev.promesa.followup.sla;

import dev.promesa.followup.scheduling.DueItems;

/** What the SLA clock rules work with for one ticket in one transaction. */
public record ClockScope(ClockStore store, DueItems due, ClockTicket ticket) {
}
