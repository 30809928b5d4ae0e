package dev.promesa.recognition.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML e-mail or comment body as the plain text a person reads in it. Paragraphs, line breaks and list items keep
 * their lines; tags, styles, scripts and images disappear; entities are decoded.
 * <p>
 * Two zones that are not the author's own words are marked the way plain-text mail marks them, so that
 * {@link MessageZones} (and anybody reading the text) can tell them apart:
 * <ul>
 * <li>quoted history ({@code <blockquote>}, Gmail's {@code gmail_quote}, Yahoo's {@code yahoo_quoted}) comes out as
 * {@code "> "} lines, one {@code >} per level;</li>
 * <li>a signature block (Gmail's {@code gmail_signature}, Thunderbird's {@code moz-signature}, Outlook's
 * {@code #Signature}, Zammad's {@code js-signatureMarker}, any {@code .signature}) starts after a {@code "-- "} line,
 * the RFC 3676 signature delimiter.</li>
 * </ul>
 */
public final class HtmlText {

    /**
     * A start or end tag of a common HTML element, or an entity: enough to tell HTML from plain text. The tag name must
     * end the name ({@code <a href>}, {@code <b>}), so an address in plain text ({@code <ana@example.com>}) is no tag.
     */
    private static final Pattern HTML = Pattern.compile(
            "<(?:/?(?:p|div|br|span|a|b|i|u|strong|em|ul|ol|li|table|tr|td|blockquote|html|body|font|h[1-6]|img|pre)"
                    + "(?=[\\s/>])[^>]*|!--)>|&(?:nbsp|amp|lt|gt|quot|#\\d+);",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "li", "table", "tr", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address",
            "dl", "dt", "dd", "form", "fieldset", "center");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
            "pre");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "img", "svg", "object",
            "noscript", "template");
    private static final Set<String> QUOTE_CLASSES = Set.of("gmail_quote", "yahoo_quoted");
    private static final Set<String> SIGNATURE_CLASSES = Set.of("gmail_signature", "moz-signature", "signature",
            "js-signatureMarker");

    private HtmlText() {
    }

    /** Whether a body is HTML rather than plain text (a tag of a common element, or an entity). */
    public static boolean looksLikeHtml(String body) {
        return body != null && (body.indexOf('<') >= 0 || body.indexOf('&') >= 0) && HTML.matcher(body).find();
    }

    /** The text of an HTML body; null stays null. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        Writer writer = new Writer();
        Jsoup.parseBodyFragment(html).body().traverse(writer);
        return writer.result();
    }

    /** The text of a body that may be HTML or plain text: plain text is returned as it is. */
    public static String plain(String body) {
        return looksLikeHtml(body) ? toText(body) : body;
    }

    /** Walks the tree once, writing lines with the current quote prefix. */
    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;
        private int skipDepth;
        private int preDepth;
        /** The quote depth the current line was started at (a line belongs to the zone it began in). */
        private int lineQuoteDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (skipDepth > 0 || SKIPPED.contains(tag)) {
                    skipDepth++;
                    return;
                }
                if (isSignature(element)) {
                    blankLine();
                    text("-- ");
                    newLine();
                }
                if (tag.equals("br")) {
                    newLine();
                } else if (tag.equals("hr")) {
                    newLine();
                } else if (BLOCKS.contains(tag)) {
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine();
                    } else {
                        newLine();
                    }
                }
                if (isQuote(element)) {
                    blankLine();
                    quoteDepth++;
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (tag.equals("li")) {
                    text("- ");
                }
            } else if (node instanceof TextNode textNode && skipDepth == 0) {
                if (preDepth > 0) {
                    String[] lines = textNode.getWholeText().split("\r?\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            newLine();
                        }
                        text(lines[i]);
                    }
                } else {
                    String text = textNode.getWholeText().replace('\u00a0', ' ').replaceAll("[\\s]+", " ");
                    if (line.length() == 0 || Character.isWhitespace(line.charAt(line.length() - 1))) {
                        text = text.stripLeading();
                    }
                    text(text);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            String tag = element.normalName();
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (isQuote(element)) {
                newLine();
                quoteDepth--;
                blankLine();
            } else if (PARAGRAPHS.contains(tag)) {
                blankLine();
            } else if (BLOCKS.contains(tag)) {
                newLine();
            }
        }

        private void text(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (line.length() == 0) {
                lineQuoteDepth = quoteDepth;
            }
            line.append(text);
        }

        private void newLine() {
            String content = line.toString().stripTrailing();
            line.setLength(0);
            if (content.isEmpty()) {
                return;
            }
            out.append("> ".repeat(lineQuoteDepth)).append(lineQuoteDepth > 0 ? content.stripLeading() : content)
                    .append('\n');
        }

        /** Ends the line and leaves one empty line (never two) before what follows. */
        private void blankLine() {
            newLine();
            int length = out.length();
            if (length > 0 && !(length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n')) {
                out.append('\n');
            }
        }

        String result() {
            newLine();
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        }
    }

    private static boolean isQuote(Element element) {
        return element.normalName().equals("blockquote")
                || element.classNames().stream().anyMatch(QUOTE_CLASSES::contains);
    }

    private static boolean isSignature(Element element) {
        if (element.classNames().stream().anyMatch(SIGNATURE_CLASSES::contains)
                || "gmail_signature".equals(element.attr("data-smartmail"))) {
            return true;
        }
        String id = element.id().toLowerCase(Locale.ROOT);
        return id.equals("signature");
    }
}
