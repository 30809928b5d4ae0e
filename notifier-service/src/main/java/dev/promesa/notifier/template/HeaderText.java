package dev.promesa.notifier.template;

/** Makes text from tickets safe for a mail header: one line, no control characters, bounded length. */
public final class HeaderText {
    static final int MAX_LENGTH = 200;

    private HeaderText() {
    }

    /**
     * A subject that ends with {@code reference} ({@code [#T-1001]}), both made {@link #oneLine one line}; when too
     * long, the subject is shortened, never the reference, so a reply's subject still names the ticket.
     */
    public static String withReference(String subject, String reference) {
        String suffix = oneLine(reference);
        if (suffix.isEmpty()) {
            return oneLine(subject);
        }
        if (suffix.length() > MAX_LENGTH / 2) {
            suffix = suffix.substring(0, MAX_LENGTH / 2);
        }
        String line = oneLine(subject);
        int room = MAX_LENGTH - suffix.length() - 1;
        if (line.length() > room) {
            line = line.substring(0, room - 1).trim() + "…";
        }
        return line.isEmpty() ? suffix : line + " " + suffix;
    }

    /** CR, LF, tabs and every other control or line/paragraph separator become a space; runs of spaces collapse. */
    public static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean breaking = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
            out.append(breaking || Character.isWhitespace(c) ? ' ' : c);
        }
        String line = out.toString().replaceAll(" {2,}", " ").trim();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1).trim() + "…";
    }
}
