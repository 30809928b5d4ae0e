package dev.promesa.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a promise's alerts fire, relative to its due time. ISO-8601 durations; env e.g. PROMESA_COMMITMENTS_USER_GRACE. */
@ConfigMapping(prefix = "promesa.commitments")
public interface CommitmentConfig {

    /** COMMITMENT_DUE_SOON this long before the due time, or 25% of the promise's interval if that is shorter. */
    @WithDefault("PT15M")
    Duration dueSoonLead();

    /** COMMITMENT_OVERDUE_USER (the user is told) this long after the due time, for promises made to the user. */
    @WithDefault("PT30M")
    Duration userGrace();

    /** ESCALATED level 1 (team lead) this long after the due time; level 2 (manager) after twice that. */
    @WithDefault("PT1H")
    Duration escalationDelay();

    /**
     * The next step a late-promise email names: the user hears from the desk within this much of the ticket's working
     * hours (its SLA policy's calendar; plain elapsed time for a 24x7 priority). followup tracks it as a promise of
     * its own (origin APOLOGY), owned by the assignee.
     */
    @WithDefault("PT2H")
    Duration apologyWindow();

    /**
     * {@code elapsed} or {@code working-hours}: how user grace and escalation delays are counted; a source may set its
     * own ({@code promesa.sources.<source>.commitments.delays-in}).
     */
    @WithDefault("elapsed")
    DelaysIn delaysIn();
}
