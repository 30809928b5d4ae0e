package dev.promesa.followup.signin;

import java.util.Locale;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Who the identity provider says signed in, as far as the board cares: the {@code email} claim of the ID token, and
 * whether the provider vouches for it. A provider that sends {@code email_verified} must send {@code true} (a JSON
 * boolean, or the string {@code "true"} as some providers do); one that sends no such claim is taken at its word, since
 * many company directories issue the addresses themselves and never send it.
 */
record ProviderAccount(String email, Standing standing) {

    enum Standing {
        /** An address the provider vouches for: look it up in the source's people. */
        VERIFIED,
        /** {@code email_verified} is present and not true. */
        UNVERIFIED,
        /** No {@code email} claim (the client did not ask for the {@code email} scope, or the account has none). */
        NO_EMAIL
    }

    /**
     * From the ID token's {@code email} and {@code email_verified} claims, as the token holds them: null when absent,
     * a String or Boolean, or a JSON value (a token library's view of a claim it has no Java type for).
     */
    static ProviderAccount of(Object email, Object emailVerified) {
        String address = text(email).strip();
        if (address.isEmpty()) {
            return new ProviderAccount(null, Standing.NO_EMAIL);
        }
        address = address.toLowerCase(Locale.ROOT);
        if (emailVerified != null && !"true".equalsIgnoreCase(text(emailVerified).strip())) {
            return new ProviderAccount(address, Standing.UNVERIFIED);
        }
        return new ProviderAccount(address, Standing.VERIFIED);
    }

    /** A claim's value as text: a JSON string without its quotes, {@code true}/{@code false} for JSON booleans. */
    private static String text(Object claim) {
        if (claim == null || claim == JsonValue.NULL) {
            return "";
        }
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim.toString();
    }
}
