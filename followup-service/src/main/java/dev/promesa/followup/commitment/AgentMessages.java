package dev.promesa.followup.commitment;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Person;
import dev.promesa.recognition.promise.AgentMessage;
import dev.promesa.recognition.promise.WorkingHours;

/**
 * An agent's public reply as the recognizer reads it (DESIGN.md, "Promises in the agent's own words"): due times are
 * resolved in the agent's time zone, else the requester's, else the policy calendar's; working hours are the policy
 * calendar's days and hours read in that same zone; the language is the requester's locale's, else detected. Pure.
 * <p>
 * Interactions carry no time zone of their author: the agent's zone is known when the author is the ticket's
 * assignee, whose zone the snapshots carry.
 */
public final class AgentMessages {

    private AgentMessages() {
    }

    public static AgentMessage of(Interaction interaction, Alert.TicketContext ticket, WorkingHoursCalendar calendar) {
        ZoneId zone = zoneOf(interaction, ticket, calendar.zone());
        Person requester = ticket == null ? null : ticket.requester();
        WorkingHours hours = new WorkingHours(calendar.workingDays(), calendar.opens(), calendar.closes(),
                calendar.holidays());
        return new AgentMessage(interaction.body(), requester == null ? null : requester.locale(),
                interaction.occurredAt().atZone(zone), hours);
    }

    /** The agent's zone (when the author is the assignee), else the requester's, else the calendar's. */
    static ZoneId zoneOf(Interaction interaction, Alert.TicketContext ticket, ZoneId calendarZone) {
        if (ticket == null) {
            return calendarZone;
        }
        Person assignee = ticket.assignee();
        String author = interaction.author() == null ? null : interaction.author().id();
        Optional<ZoneId> agentZone = assignee != null && author != null && author.equals(assignee.id())
                ? zone(assignee.timeZone())
                : Optional.empty();
        return agentZone
                .or(() -> ticket.requester() == null ? Optional.empty() : zone(ticket.requester().timeZone()))
                .orElse(calendarZone);
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
