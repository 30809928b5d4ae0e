package dev.promesa.notifier.template;

import java.util.Optional;

import dev.promesa.notifier.recipient.TeamDirectory;

/**
 * What the help desk an email comes from puts into it: its name as users know it, the links to its tickets, the
 * language for readers without one of their own, what its teams are called, and how it references a ticket in a
 * subject.
 *
 * @param subjectReference the ticket reference every subject ends with, with a {@code {ticketId}} placeholder
 *        ({@code [#{ticketId}]} by default): what the desk recognises in a reply's subject to file it on the ticket
 */
public record Letterhead(Optional<String> deskName, TicketLinks links, String defaultLanguage, TeamDirectory teams,
        String subjectReference) {

    /** The reference to {@code ticketId} as this desk writes it in a subject: {@code [#T-1001]}. */
    public String reference(String ticketId) {
        return subjectReference.replace("{ticketId}", ticketId);
    }

    /** A team as people read it: its configured name, else its code; null when the ticket has no team. */
    public String teamName(String team) {
        if (team == null || team.isBlank()) {
            return null;
        }
        return teams.name(team).filter(name -> !name.isBlank()).orElse(team);
    }

    /** A team's configured name only, as users read it; null without one (a team's code is never shown to users). */
    public String teamDisplayName(String team) {
        if (team == null || team.isBlank()) {
            return null;
        }
        return teams.name(team).filter(name -> !name.isBlank()).orElse(null);
    }
}
