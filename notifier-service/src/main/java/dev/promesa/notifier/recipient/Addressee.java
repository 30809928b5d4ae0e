package dev.promesa.notifier.recipient;

/** The outcome of resolving one intended recipient of an alert: somebody to mail, or why there is nobody. */
public sealed interface Addressee permits Addressee.Recipient, Addressee.Unresolved {

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
}
