package dev.promesa.notifier.recipient;

import java.util.Optional;

/** Who leads and manages a team, and the fallback when nobody does. */
public interface TeamDirectory {

    Optional<String> lead(String team);

    Optional<String> manager(String team);

    /** Language tag for this team's leads and managers, if configured. */
    Optional<String> locale(String team);

    /** IANA zone for this team's leads and managers, if configured. */
    Optional<String> timeZone(String team);

    Optional<String> fallbackRecipient();
}
