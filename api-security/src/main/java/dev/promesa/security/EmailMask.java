package dev.promesa.security;

/**
 * Masks e-mail addresses in text bound for the logs: the local part becomes its first character and {@code ***}, the
 * domain stays ({@code lucia@example.com} → {@code l***@example.com}), so a line still tells which desk or customer it
 * concerns without naming the person. Failure messages quote requesters and assignees (a constraint's detail, an SMTP
 * server's refusal), and logs are read by more people than the database is. Deliberately generous: whatever looks like
 * {@code local@domain} is masked. Pure; {@link EmailMaskingFilter} applies it to every log line.
 */
public final class EmailMask {

    private EmailMask() {
    }

    /**
     * The text with every e-mail address masked; null stays null; the same instance when there is nothing to mask.
     * <p>
     * An address is found from its {@code @}: the local part is the run of characters before it that are not a
     * space, bracket, separator, quote, {@code =}, {@code @} or control character (at least one), and the domain
     * after it starts with a letter or digit and has a letter among its letters, digits, dots and hyphens
     * ({@code helpdesk.events.v1-0@12}, a record's offset, is not an address). One pass over the text: this runs on
     * every log line, and the regular expression it replaces cost the notifier half its CPU in an alert storm
     * (docs/benchmarks.md).
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0; // text before this index is in out already (or unchanged, while out is null)
        int floor = 0; // a local part starts no earlier than the end of the previous address
        while (at >= 0) {
            int start = at;
            while (start > floor && isLocalChar(text.codePointBefore(start))) {
                start -= Character.charCount(text.codePointBefore(start));
            }
            if (start < at && domainFollows(text, at + 1)) {
                int firstEnd = start + Character.charCount(text.codePointAt(start));
                boolean alreadyMasked = text.startsWith("***", firstEnd) && firstEnd + 3 == at;
                if (!alreadyMasked) {
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copied, firstEnd).append("***@");
                    copied = at + 1;
                }
                floor = at + 1;
            }
            at = text.indexOf('@', at + 1);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** True when {@link #mask} would change the text. */
    public static boolean needsMasking(String text) {
        return text != null && mask(text) != text;
    }

    /** A character of a local part: not a space, bracket, separator, quote, {@code =}, {@code @} or control. */
    private static boolean isLocalChar(int c) {
        return switch (c) {
            case ' ', '\t', '\n', 0x0B, '\f', '\r', '<', '>', '(', ')', '[', ']', ',', ';', ':', '"', '\'', '=', '@' ->
                false;
            default -> c >= 0x20 && c != 0x7F;
        };
    }

    /** A domain at {@code from}: a letter or digit first, and a letter within its letters, digits, dots and hyphens. */
    private static boolean domainFollows(String text, int from) {
        if (from >= text.length() || !isLetterOrNumber(text.codePointAt(from))) {
            return false;
        }
        for (int i = from; i < text.length();) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return true;
            }
            if (!isLetterOrNumber(c) && c != '.' && c != '-') {
                return false;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** A letter or a number (the regular expressions' {@code \p{L}} and {@code \p{N}}). */
    private static boolean isLetterOrNumber(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
