package dev.promesa.notifier.recipient;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a deliberately simple shape check. (Log lines need no masking here: every service's log handlers
 * mask addresses, api-security's {@code EmailMaskingFilter}.)
 */
public final class EmailAddresses {
    private static final String ADDRESS_CHAR = "[^\\s<>(),;:\"@\\p{Cntrl}]";
    private static final Pattern SHAPE = Pattern.compile(ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+");

    private EmailAddresses() {
    }

    /**
     * One plain {@code local@domain} without spaces, brackets, separators or control characters, so an address from an
     * alert can never smuggle a second recipient or a header into the SMTP dialogue.
     */
    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && SHAPE.matcher(address).matches();
    }
}
