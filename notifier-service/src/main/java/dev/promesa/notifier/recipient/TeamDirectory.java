package dev.promesa.notifier.recipient;

import java.util.Optional;

/** One help desk's teams: who leads and manages each, what it is called, and the fallback when nobody leads it. */
public interface TeamDirectory {

    /** The team's name as people read it ({@code promesa.teams.<team>.name}); empty when only the code is known. */
    Optional<String> name(String team);

    Optional<String> lead(String team);

    /** The lead's name as people read it ({@code promesa.teams.<team>.lead-name}): who signs a second apology. */
    default Optional<String> leadName(String team) {
        return Optional.empty();
    }

    Optional<String> manager(String team);

    /** Language tag for this team's leads and managers, if configured. */
    Optional<String> locale(String team);

    /** IANA zone for this team's leads and managers, if configured. */
    Optional<String> timeZone(String team);

    /** Name of this team's business calendar ({@code promesa.calendars.<name>}): its working hours, if configured. */
    default Optional<String> calendar(String team) {
        return Optional.empty();
    }

    Optional<String> fallbackRecipient();
}
