package dev.promesa.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Promesa's own notifier settings ({@code promesa.*}); each one can also be set as an environment variable. */
@ConfigMapping(prefix = "promesa")
public interface NotifierConfig {

    /**
     * Link to a ticket in the help desk, with a {@code {ticketId}} placeholder, e.g.
     * {@code https://desk.example.com/t/{ticketId}}. Without it, emails carry no link.
     */
    Optional<String> ticketUrlTemplate();

    /**
     * Where replies go when their source sets no {@code reply-to}: the help desk's mailbox. Without either, replies go
     * to the sender's address (the source's {@code mail-from}, else {@code quarkus.mailer.from}).
     */
    Optional<String> replyTo();

    /**
     * The ticket reference every subject ends with, as the help desk recognises it in a reply's subject, with a
     * {@code {ticketId}} placeholder: {@code [#T-1001]} by default; e.g. {@code [Ticket#{ticketId}]} for Zammad. Used
     * when the source sets no {@code subject-reference}.
     */
    @WithDefault("[#{ticketId}]")
    String subjectReference();

    /** The desk's name as users read it, when the source sets no {@code display-name} ("Soporte TI"). */
    Optional<String> displayName();

    /**
     * Team directory: {@code promesa.teams.<team>.lead}, {@code .manager} (e-mail addresses), {@code .name}, the chat
     * channel ({@code .chat-webhook}, {@code .chat-kind}). A source's
     * own directory ({@code promesa.sources.<source>.teams.<team>.*}) comes first.
     */
    Map<String, Team> teams();

    /**
     * Who receives a staff email when neither an assignee nor the team's lead is known. Without it such a notification is
     * recorded as FAILED (and dead-lettered) with the reason, never silently dropped.
     */
    Optional<String> fallbackRecipient();

    /** Language of staff emails and of user emails whose requester has no supported locale: {@code es} or {@code en}. */
    @WithDefault("es")
    String defaultLocale();

    /** Zone in which times are shown to a recipient whose own zone is unknown. */
    @WithDefault("Europe/Madrid")
    ZoneId defaultTimeZone();

    Delivery delivery();

    /** One apology at a time for users, digests for staff bursts; each can be set per source. */
    Notifications notifications();

    Intake intake();

    /** The notes written into the help desks' tickets (which desk, where: {@code promesa.sources.<source>.write-back.*}). */
    WriteBack writeBack();

    /**
     * How notes are written into the help desks: retried with backoff, each HTTP call bounded. The defaults retry for a
     * little over an hour (12 attempts, 10 s doubling up to 10 min).
     */
    interface WriteBack {
        /** Wait before the second attempt; doubles with every failed attempt. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** Upper bound of the wait between two attempts. */
        @WithDefault("PT10M")
        Duration maxBackoff();

        /** Attempts per note before it is marked FAILED. */
        @WithDefault("12")
        int maxAttempts();

        /** Upper bound for one HTTP call to a desk (connecting, and waiting for its answer). */
        @WithDefault("PT10S")
        Duration timeout();

        /** How often the writer looks for sent emails that need a note, and for notes due again. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** At start, emails sent up to this long ago without a note still get one. */
        @WithDefault("PT24H")
        Duration lookBack();
    }

    /**
     * How several alerts share one email (a carrier). A source's {@code promesa.sources.<source>.notifications.*}
     * comes first, setting by setting.
     */
    interface Notifications {
        /**
         * At most one late-promise email per user and ticket within this time; it names every late promise of the
         * ticket. Later misses wait until the window since the last email ends, then go out together. {@code PT0S}
         * together with {@code user-gather} {@code PT0S}: every apology goes out alone, at once.
         */
        @WithDefault("PT1H")
        Duration userWindow();

        /** How long the first apology of an email waits for others on the same ticket, so they go out together. */
        @WithDefault("PT2M")
        Duration userGather();

        /** Staff emails to one recipient within {@code staff-burst-window} that go out alone; the rest, one digest. */
        @WithDefault("5")
        int staffBurst();

        /**
         * The window staff bursts are counted in, from the first alert to a recipient; its digest is sent when it
         * ends. {@code PT0S}: no digests, every staff alert goes out alone.
         */
        @WithDefault("PT10M")
        Duration staffBurstWindow();
    }

    /** How the consumer rides out a passing failure (typically the database) before dead-lettering a record. */
    interface Intake {
        /** Attempts per record; an unreadable record is dead-lettered at once, without retries. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();
    }

    interface Team {
        /** The team's name as people read it ("Soporte de redes"), never the code; else the code. */
        Optional<String> name();

        Optional<String> lead();

        /** The lead's name as users read it: it signs the second apology ("de nuevo") to a user. */
        Optional<String> leadName();

        Optional<String> manager();

        /** Language of this team's lead/manager emails; else {@link NotifierConfig#defaultLocale()}. */
        Optional<String> locale();

        /** Zone of this team's lead/manager; else {@link NotifierConfig#defaultTimeZone()}. */
        Optional<String> timeZone();

        /**
         * The business calendar ({@code promesa.calendars.<name>}) of this team's working hours: when its lead and
         * manager (and agents without a zone of their own) get staff emails. Else the team's {@code time-zone} with the
         * policy calendar's days and hours, else the ticket's policy calendar.
         */
        Optional<String> calendar();

        /**
         * The team's chat channel: an incoming-webhook address (Slack, Mattermost) or the address of a Microsoft Teams
         * workflow "when a webhook request is received". Every staff alert of the team (agent, lead, manager; never a
         * user's) is also posted there, once, besides the emails. A secret: set it from the environment or a
         * Kubernetes Secret. Requires {@code chat-kind}.
         */
        Optional<String> chatWebhook();

        /** What answers at {@code chat-webhook}: {@code slack}, {@code mattermost} or {@code teams}. */
        Optional<String> chatKind();
    }

    /**
     * How emails are sent. A failed email is tried again after {@code initial-backoff}, doubling up to
     * {@code max-backoff}, for {@code retry-for} after its first failed attempt; only then is it marked FAILED and its
     * alert dead-lettered. The defaults (1 s doubling up to 5 min, for 2 h) outlast a one-hour SMTP outage: every email
     * due during it arrives at most 5 minutes after the server is back.
     */
    interface Delivery {
        /** Wait after the first failed attempt; doubles with every further failed attempt. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        /** Upper bound of the wait between two attempts: how late an email can be once the server is back. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /**
         * How long a failing email keeps being tried, counted from its first failed attempt: the first attempt that
         * starts this long (or longer) after it is the last one; if it fails too, the email is FAILED. A resend (API
         * or replayed dead letter) starts a new period. Replaces the attempt count of earlier versions, which gave up after 8
         * attempts, about two minutes.
         */
        @WithDefault("PT2H")
        Duration retryFor();

        /**
         * Sender threads. Each has one SMTP conversation at a time over a pooled connection (keep at most
         * {@code quarkus.mailer.max-pool-size}, 10 by default); rows are claimed with SKIP LOCKED, so threads (and
         * replicas) never take the same one, and one slow SMTP conversation does not hold up every other email.
         */
        @WithDefault("8")
        int workers();

        /** Due emails one sender thread claims with one statement, then sends one after another. */
        @WithDefault("50")
        int claimSize();

        /**
         * How long claimed emails stay reserved for the thread that claimed them. A row is only sent while at least
         * {@code send-timeout} of its lease is left; after a crash, unsent claimed rows are due again when it ends. At
         * least twice {@code send-timeout}.
         */
        @WithDefault("PT1M")
        Duration claimLease();

        /** How often the sender looks for due emails when it was not woken up by a new one. */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        /** Upper bound for one SMTP conversation; a hanging server counts as a failed attempt. */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /** Upper bound for the broker to acknowledge a dead letter. */
        @WithDefault("PT10S")
        Duration deadLetterTimeout();

        /**
         * Upper bound for the broker to acknowledge the timeline records of sent emails ({@code notifier.email-sent.v1}
         * on {@code helpdesk.events.v1}); unacknowledged records stay in the outbox and are published again.
         */
        @WithDefault("PT10S")
        Duration timelineTimeout();

        /** Upper bound for the readiness probe's SMTP connect and greeting. */
        @WithDefault("PT1S")
        Duration smtpCheckTimeout();
    }
}
