package dev.promesa.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Service-level policies. The {@code default} policy (DESIGN.md's table) is defined in application.properties; more
 * can be added as {@code promesa.sla.policies.<name>.*} and picked by a ticket's {@code slaPolicy}.
 */
@ConfigMapping(prefix = "promesa.sla")
public interface SlaConfig {

    /** SLA_WARNING when this share of a target is used up. */
    @WithDefault("75")
    int warningPercent();

    Map<String, Policy> policies();

    interface Policy {
        /** The business calendar ({@code promesa.calendars.<name>}) for targets counted in business hours. */
        @WithDefault("default")
        String calendar();

        Targets p1();

        Targets p2();

        Targets p3();

        Targets p4();
    }

    interface Targets {
        /** {@code 24x7} (wall-clock time) or {@code business} (the policy's calendar). */
        @WithDefault("business")
        String hours();

        /** An ISO-8601 duration (PT4H) or business days ({@code 3bd} = 3 × the calendar's working day). */
        String firstResponse();

        String nextUpdate();

        String resolution();
    }
}
