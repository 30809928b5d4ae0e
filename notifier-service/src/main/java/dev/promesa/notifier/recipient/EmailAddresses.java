package dev.promesa.notifier.recipient;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a deliberately simple shape check, and the masked form every notifier log line uses instead of an
 * address ({@code marta@example.com} → {@code m***@example.com}), so logs shipped to a shared system do not collect
 * who was written to.
 */
public final class EmailAddresses {
    private static final String ADDRESS_CHAR = "[^\\s<>(),;:\"@\\p{Cntrl}]";
    private static final Pattern SHAPE = Pattern.compile(ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+");
    /** The local part of an address anywhere in a text (first character captured, the rest masked). */
    private static final Pattern LOCAL_PART_IN_TEXT = Pattern.compile("(" + ADDRESS_CHAR + ")" + ADDRESS_CHAR + "*@(?="
            + ADDRESS_CHAR + ")");

    private EmailAddresses() {
    }

    /**
     * One plain {@code local@domain} without spaces, brackets, separators or control characters, so an address from an
     * alert can never smuggle a second recipient or a header into the SMTP dialogue.
     */
    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && SHAPE.matcher(address).matches();
    }

    /**
     * The address for a log line: first character of the local part, {@code ***}, the domain. Anything that is not an
     * address (e.g. the {@code unresolved:lead} marker of the notification log) is returned as it is.
     */
    public static String masked(String address) {
        if (address == null) {
            return "null";
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        return (at == 0 ? "" : address.substring(0, 1)) + "***" + address.substring(at);
    }

    /** A free text (e.g. an SMTP server's error, which often repeats the recipient) with every address in it masked. */
    public static String maskedIn(String text) {
        return text == null ? null : LOCAL_PART_IN_TEXT.matcher(text).replaceAll("$1***@");
    }
}
