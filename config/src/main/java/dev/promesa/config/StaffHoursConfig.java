package dev.promesa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Working hours for staff ({@code promesa.notifications.staff-hours.*}): an agent, lead or manager email whose alert
 * arrives outside the recipient's working hours waits for the next working hour. Each setting can be set per source
 * ({@code promesa.sources.<source>.staff-hours.*}). User emails are never held. See docs/notifier-service.md, "Working
 * hours for staff".
 */
@ConfigMapping(prefix = "promesa.notifications.staff-hours")
public interface StaffHoursConfig {

    /** {@code false}: staff emails go out at any hour, as they arrive (a desk that works around the clock). */
    @WithDefault("true")
    boolean enabled();

    /** Ticket priorities whose staff emails go out at once, at any hour: a list ({@code P1,P2}) or {@code none}. */
    @WithDefault("P1")
    String exemptPriorities();

    /** {@code ESCALATED} alerts of this level or above go out at once (2: the manager's); {@code 0}: none. */
    @WithDefault("2")
    int exemptEscalationLevel();
}
