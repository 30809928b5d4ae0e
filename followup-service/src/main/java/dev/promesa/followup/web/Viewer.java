package dev.promesa.followup.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Who is looking at the board: one signed-in person in one source, and what they may see there. An agent sees the
 * tickets assigned to them and their teams' ({@code teams}: the teams of the tickets they are assigned), a lead or
 * manager also the teams the directory names them for ({@code ledTeams}), an operator the whole source. Nobody ever
 * sees another source: a viewer belongs to exactly one.
 *
 * @param email     lower-cased, as the tickets' assignee and the team directory name the person
 * @param language  {@code es} or {@code en}: the person's choice, else the browser's, else the source's default
 * @param zone      where the person's times are shown and a rescheduled time is read
 * @param csrfToken the session's token every form of the board posts back
 */
public record Viewer(String source, String email, String name, String language, ZoneId zone, Set<String> teams,
        Set<String> ledTeams, boolean operator, String csrfToken) {

    public Viewer {
        email = email.toLowerCase(Locale.ROOT);
        teams = Set.copyOf(teams);
        ledTeams = Set.copyOf(ledTeams);
    }

    /** Whether this person may see a ticket of their source with this assignee and team. */
    public boolean sees(String assigneeEmail, String team) {
        return operator || (assigneeEmail != null && assigneeEmail.equalsIgnoreCase(email))
                || (team != null && (teams.contains(team) || ledTeams.contains(team)));
    }

    /** Every team whose page this person may open. */
    public Set<String> visibleTeams() {
        if (ledTeams.isEmpty()) {
            return teams;
        }
        java.util.Set<String> all = new java.util.TreeSet<>(teams);
        all.addAll(ledTeams);
        return Set.copyOf(all);
    }

    public boolean leads() {
        return !ledTeams.isEmpty();
    }

    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
