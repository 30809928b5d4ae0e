package dev.promesa.intake.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The value rules every way in shares: the REST API's {@link JsonFields} and the help desk webhooks apply the same ones
 * to what they read, whatever the field is called where it came from. Each check answers what is wrong in words a help
 * desk integrator can act on, or null when the value is fine.
 */
public final class FieldRules {
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Timestamps outside four-digit years are typing errors, and break date arithmetic downstream. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * One {@code @}, a dot in the domain, and none of what could split or disguise an address in a mail header:
     * whitespace and line separators, control and invisible formatting characters (RTL overrides, zero-width), and the
     * characters <code>&lt;&gt;()[],;:"\</code>.
     */
    private static final String ADDRESS_PART = "[^@\\s\\p{Z}\\p{Cc}\\p{Cf}<>()\\[\\],;:\"\\\\]+";
    private static final Pattern EMAIL = Pattern.compile("^" + ADDRESS_PART + "@" + ADDRESS_PART + "\\."
            + ADDRESS_PART + "$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private FieldRules() {
    }

    /** An identifier: not blank, at most {@code maxLength} characters, no control characters, valid Unicode. */
    public static String idProblem(String value, int maxLength) {
        if (value.isBlank()) {
            return "must not be blank (leave an optional id out instead)";
        }
        if (value.length() > maxLength) {
            return lengthProblem(value, maxLength);
        }
        if (CONTROL.matcher(value).find()) {
            return "must not contain control characters";
        }
        return unicodeProblem(value);
    }

    /** A free text: at most {@code maxLength} characters, valid Unicode (line breaks are fine). */
    public static String textProblem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return lengthProblem(value, maxLength);
        }
        return unicodeProblem(value);
    }

    public static String lengthProblem(String value, int maxLength) {
        return value.length() > maxLength
                ? "is too long: " + value.length() + " characters, at most " + maxLength + " allowed"
                : null;
    }

    /**
     * NUL cannot be stored (PostgreSQL text) and an unpaired surrogate cannot be encoded as UTF-8 (it would reach the
     * topic as '?'): both are refused rather than altered.
     */
    public static String unicodeProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate at character " + i + "; send valid Unicode text";
            }
        }
        return null;
    }

    /** An ISO-8601 timestamp with an offset or Z, e.g. 2026-11-26T15:00:00+01:00; null when it is not one. */
    public static Instant isoInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What is wrong with an instant as an event time ({@code text} is how it was written, for the message). */
    public static String instantProblem(Instant instant, String text) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return "'" + text + "' is outside the years 1970 to 9999";
        }
        return null;
    }

    public static String emailProblem(String text) {
        if (text.length() > MAX_EMAIL_LENGTH) {
            return lengthProblem(text, MAX_EMAIL_LENGTH);
        }
        String unicode = unicodeProblem(text);
        if (unicode != null) {
            return unicode;
        }
        return EMAIL.matcher(text).matches() ? null : "'" + text + "' is not an e-mail address";
    }

    /** Whether {@code text} is an IANA time zone such as Europe/Madrid. */
    public static boolean isTimeZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
