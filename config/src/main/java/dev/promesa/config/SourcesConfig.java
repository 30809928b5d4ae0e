package dev.promesa.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;

/**
 * Settings of one source (one help desk instance): {@code promesa.sources.<source>.*}. Every setting is optional and
 * falls back to the global key named in its description; a source needs no entry here at all. The source names are
 * those of {@code promesa.api-keys}; a setting for a source no key names is reported at start-up.
 * <p>
 * Source and team names may contain dashes, which environment variable names cannot carry: set these in
 * {@code application.properties} (or a mounted {@code config/application.properties}, one for all three services) or
 * as system properties.
 */
@ConfigMapping(prefix = "promesa.sources")
public interface SourcesConfig {

    @WithParentName
    Map<String, Source> sources();

    /** The settings of {@code source}, if it has any. */
    default Optional<Source> of(String source) {
        return source == null ? Optional.empty() : Optional.ofNullable(sources().get(source));
    }

    interface Source {
        /** The desk's name as users read it ("Soporte TI de Acme"): email sender name and signature. */
        Optional<String> displayName();

        /** Link to a ticket in this desk, with {@code {ticketId}}; else {@code promesa.ticket-url-template}. */
        Optional<String> ticketUrlTemplate();

        /** Sender of this source's emails ({@code Name <address>} or an address); else {@code quarkus.mailer.from}. */
        Optional<String> mailFrom();

        /**
         * Where replies go: the desk's own mailbox; else {@code promesa.reply-to}, else the sender's address
         * ({@code mail-from}, else {@code quarkus.mailer.from}).
         */
        Optional<String> replyTo();

        /**
         * The ticket reference this desk recognises in a reply's subject, with {@code {ticketId}}; every subject ends
         * with it. Else {@code promesa.subject-reference} ({@code [#{ticketId}]}).
         */
        Optional<String> subjectReference();

        /** {@code es} or {@code en} for staff, and users without a supported locale; else {@code promesa.default-locale}. */
        Optional<String> defaultLocale();

        /** This desk's team directory; a team not listed here falls back to {@code promesa.teams.<team>.*}. */
        Map<String, NotifierConfig.Team> teams();

        /**
         * The board's operators of this desk (e-mail addresses): they see all of its tickets, its failed and held
         * notifications and its dead letters on the board's Operations page. Nobody is an operator by default.
         */
        Optional<List<String>> operators();

        /** The SLA policy of tickets that name none; else {@code default}. */
        Optional<String> slaPolicy();

        /** This desk's promise rules; each falls back to {@code promesa.commitments.*}. */
        Commitments commitments();

        Promises promises();

        /** This desk's gathering of emails (apologies, digests); each falls back to {@code promesa.notifications.*}. */
        Notifications notifications();

        /** The secret this desk's webhooks are signed with (or, for Freshdesk, send); no secret, no webhooks. */
        Optional<String> webhookSecret();

        /** Desk status names mapped to Promesa's ({@code ...status-map."pending"=WAITING_ON_USER}), over the desk's defaults. */
        Map<String, TicketStatus> statusMap();

        /** Desk priority names mapped to Promesa's ({@code ...priority-map."2 normal"=P3}), over the desk's defaults. */
        Map<String, Priority> priorityMap();

        /** Working hours for this desk's staff; each falls back to {@code promesa.notifications.staff-hours.*}. */
        StaffHours staffHours();

        /**
         * Internal notes Promesa writes into this desk's tickets when it emails a user about a late promise or
         * escalates ({@code write-back.*}); without these settings, none.
         */
        Optional<WriteBack> writeBack();
    }

    /**
     * How notifier reaches one desk's API to add internal notes. All four settings belong together: once one is set,
     * {@code desk}, {@code base-url} and {@code api-token} are required, and {@code email} for Zendesk and Jira. The
     * token is a secret: set it from the environment or a Kubernetes Secret, never in a committed file.
     */
    interface WriteBack {
        /** Which help desk product answers at {@link #baseUrl()}. */
        Desk desk();

        /**
         * The desk's own address, e.g. {@code https://acme.zammad.com}, {@code https://acme.zendesk.com},
         * {@code https://acme.atlassian.net}, {@code https://acme.freshdesk.com}.
         */
        String baseUrl();

        /**
         * The credential as the desk issues it: a Zammad access token, a Zendesk API token, an Atlassian API token, a
         * Freshdesk API key.
         */
        String apiToken();

        /** The agent account the token belongs to: Zendesk and Jira only (they authenticate email + token). */
        Optional<String> email();

        /** The desks notifier can write notes into. */
        enum Desk {
            ZAMMAD, ZENDESK, JIRA, FRESHDESK
        }
    }

    interface Commitments {
        /** {@code elapsed} or {@code working-hours}; else {@code promesa.commitments.delays-in}. */
        Optional<DelaysIn> delaysIn();
    }

    interface StaffHours {
        /** Else {@code promesa.notifications.staff-hours.enabled}. */
        Optional<Boolean> enabled();

        /** Else {@code promesa.notifications.staff-hours.exempt-priorities}. */
        Optional<String> exemptPriorities();

        /** Else {@code promesa.notifications.staff-hours.exempt-escalation-level}. */
        OptionalInt exemptEscalationLevel();
    }

    interface Notifications {
        /** Else {@code promesa.notifications.user-window}. */
        Optional<Duration> userWindow();

        /** Else {@code promesa.notifications.user-gather}. */
        Optional<Duration> userGather();

        /** Else {@code promesa.notifications.staff-burst}. */
        Optional<Integer> staffBurst();

        /** Else {@code promesa.notifications.staff-burst-window}. */
        Optional<Duration> staffBurstWindow();
    }

    interface Promises {
        /** {@code auto}, {@code suggest} or {@code off}; else {@code promesa.promises.from-text}. */
        Optional<FromText> fromText();
    }
}
