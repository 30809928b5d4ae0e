package dev.promesa.security;

import java.util.regex.Pattern;

/**
 * Masks e-mail addresses in text bound for the logs: the local part becomes its first character and {@code ***}, the
 * domain stays ({@code lucia@example.com} → {@code l***@example.com}), so a line still tells which desk or customer it
 * concerns without naming the person. Failure messages quote requesters and assignees (a constraint's detail, an SMTP
 * server's refusal), and logs are read by more people than the database is. Deliberately generous: whatever looks like
 * {@code local@domain} is masked. Pure; {@link EmailMaskingFilter} applies it to every log line.
 */
public final class EmailMask {

    /** A character of a local part: not a space, bracket, separator, quote, {@code =} or control character. */
    private static final String LOCAL_CHAR = "[^\\s<>()\\[\\],;:\"'=@\\p{Cntrl}]";
    /**
     * The local part of an address (first character captured), followed by a domain: it starts with a letter or digit
     * and has a letter ({@code helpdesk.events.v1-0@12}, a record's offset, is not an address).
     */
    private static final Pattern LOCAL_PART = Pattern.compile(
            "(" + LOCAL_CHAR + ")" + LOCAL_CHAR + "*@(?=[\\p{L}\\p{N}])(?=[\\p{L}\\p{N}.\\-]*\\p{L})");

    private EmailMask() {
    }

    /** The text with every e-mail address masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return LOCAL_PART.matcher(text).replaceAll("$1***@");
    }

    /** True when {@link #mask} would change the text. */
    public static boolean needsMasking(String text) {
        return text != null && text.indexOf('@') >= 0 && LOCAL_PART.matcher(text).find()
                && !mask(text).equals(text);
    }
}
