package dev.promesa.followup.commitment;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.TicketRef;
import dev.promesa.followup.scheduling.DueItems;

/**
 * What the promise rules work with for one ticket in one transaction.
 *
 * @param context the ticket's context as its alerts carry it
 * @param calendar the ticket's policy calendar: its working hours, for delays counted in working hours and for
 *        reading "mañana" or "end of day" in an agent's reply
 */
public record PromiseScope(CommitmentStore store, DueItems due, TicketRef ticket, Alert.TicketContext context,
        WorkingHoursCalendar calendar) {
}
