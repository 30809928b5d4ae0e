package dev.promesa.notifier.recipient;

import java.util.regex.Pattern;

/**
 * A deliberately simple shape check: one {@code local@domain} without spaces, brackets, separators or control
 * characters, so an address from an alert can never smuggle a second recipient or a header into the SMTP dialogue.
 */
public final class EmailAddresses {
    private static final Pattern SHAPE = Pattern.compile("[^\\s<>(),;:\"@\\p{Cntrl}]+@[^\\s<>(),;:\"@\\p{Cntrl}]+");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && SHAPE.matcher(address).matches();
    }
}
