package dev.promesa.followup.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses in text bound for the logs ({@code lucia@example.com} → {@code l***@example.com}): failure
 * messages can quote a ticket's requester or assignee (a constraint's detail, a JSON excerpt), and logs are read by more
 * people than the database is. The domain stays, so a log still tells which help desk or customer it concerns.
 */
public final class EmailMask {

    private static final Pattern EMAIL = Pattern
            .compile("([\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]*@([\\p{L}\\p{N}.\\-]+)");

    private EmailMask() {
    }

    /** The text with every e-mail address masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A failure for a log line: its class and masked message, and those of its root cause if different. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + mask(failure.getMessage());
        return root == failure
                ? text
                : text + " (cause: " + root.getClass().getSimpleName() + ": " + mask(root.getMessage()) + ")";
    }
}
