package dev.promesa.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ticket's identity in Promesa: the source (the help desk it belongs to) and the desk's own ticket id. Two desks'
 * {@code T-1} are two tickets. The Kafka record key of both topics is {@link #recordKey()},
 * {@code <source>/<ticketId>}: source names cannot contain a slash (they are URI-safe: letters, digits,
 * {@code . _ ~ -}), so the first slash always ends the source, and one ticket's events share a partition and an order.
 */
public record TicketRef(String source, String ticketId) {

    public static final char KEY_SEPARATOR = '/';
    /** URI-unreserved characters: a source travels as the CloudEvents {@code ce_source}, a URI reference. */
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

    public TicketRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ticketId, "ticketId");
    }

    /** Whether {@code name} can name a source: 1 to 100 letters, digits and {@code . _ ~ -}. */
    public static boolean isSourceName(String name) {
        return name != null && SOURCE_NAME.matcher(name).matches();
    }

    /** The record key of this ticket's events and alerts. */
    public String recordKey() {
        return source + KEY_SEPARATOR + ticketId;
    }

    /**
     * The ticket a record key names; null for a key without a source part (written by something other than Promesa).
     */
    public static TicketRef fromRecordKey(String key) {
        int slash = key == null ? -1 : key.indexOf(KEY_SEPARATOR);
        return slash <= 0 || slash == key.length() - 1
                ? null
                : new TicketRef(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return recordKey();
    }
}
