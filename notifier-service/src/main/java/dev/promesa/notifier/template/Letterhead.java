package dev.promesa.notifier.template;

import java.util.Optional;

import dev.promesa.notifier.recipient.TeamDirectory;

/**
 * What the help desk an email comes from puts into it: its name as users know it, the links to its tickets, the
 * language for readers without one of their own, and what its teams are called.
 */
public record Letterhead(Optional<String> deskName, TicketLinks links, String defaultLanguage, TeamDirectory teams) {

    /** A team as people read it: its configured name, else its code; null when the ticket has no team. */
    public String teamName(String team) {
        if (team == null || team.isBlank()) {
            return null;
        }
        return teams.name(team).filter(name -> !name.isBlank()).orElse(team);
    }
}
