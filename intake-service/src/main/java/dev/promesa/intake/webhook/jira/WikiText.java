package dev.promesa.intake.webhook.jira;

/**
 * A comment body in Jira's wiki markup (the REST v2 shape, still sent by Jira Data Center and some Cloud webhooks) as
 * text with quoted history marked: {@code {quote}…{quote}} blocks and {@code bq. } lines become {@code "> "} lines,
 * like {@link AdfText} and {@code HtmlText} write them. Everything else is left as written.
 */
public final class WikiText {
    private static final String QUOTE = "{quote}";

    private WikiText() {
    }

    public static String toText(String wiki) {
        StringBuilder out = new StringBuilder();
        String[] parts = wiki.split("\\{quote\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean quoted = i % 2 == 1 && i < parts.length - 1;
            if (quoted) {
                String inner = part.strip();
                if (!inner.isEmpty()) {
                    ensureLineStart(out);
                    out.append(AdfText.prefixLines(inner, "> ")).append('\n');
                }
            } else {
                out.append(i % 2 == 1 ? QUOTE + part : bqLines(part));
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String bqLines(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            out.append(line.startsWith("bq. ") ? "> " + line.substring(4) : line);
        }
        return out.toString();
    }

    private static void ensureLineStart(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
