package dev.promesa.notifier.recipient;

/**
 * The outcome of resolving one intended recipient of an alert: somebody to mail, why there is nobody, or a team's chat
 * channel.
 */
public sealed interface Addressee permits Addressee.Recipient, Addressee.Unresolved, Addressee.Channel {

    Audience audience();

    /** The notification log's recipient column: an e-mail address, or a marker for an unresolved recipient. */
    String key();

    /**
     * @param email validated address
     * @param name display name, may be null (leads from the directory are known by address only)
     * @param locale the recipient's own locale tag (e.g. {@code es-MX}), may be null
     * @param timeZone the recipient's own IANA zone, may be null
     */
    record Recipient(Audience audience, String email, String name, String locale,
            String timeZone) implements Addressee {
        @Override
        public String key() {
            return email.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Nobody can be mailed; {@code reason} says what an operator must configure. */
    record Unresolved(Audience audience, String reason) implements Addressee {
        @Override
        public String key() {
            return "unresolved:" + audience.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A team's chat channel ({@code promesa.teams.<team>.chat-webhook}): one message per alert, besides the emails.
     *
     * @param audience the staff the alert is for (agent, lead or manager)
     */
    record Channel(Audience audience, String team) implements Addressee {
        /** The recipient column of a channel's rows: {@code chat:<team>} (never an address: those have no colon). */
        public static final String PREFIX = "chat:";

        @Override
        public String key() {
            return PREFIX + team;
        }
    }
}
