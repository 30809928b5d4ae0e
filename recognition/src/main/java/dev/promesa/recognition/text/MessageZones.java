package dev.promesa.recognition.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The author's own words in an e-mail or help desk comment: the body (HTML or plain text) without quoted history,
 * signature and sign-off. This is the zone in which promises are looked for.
 * <p>
 * Cut at the first of:
 * <ul>
 * <li>a quoted line ({@code >}, as {@link HtmlText} also writes blockquotes and Gmail quotes);</li>
 * <li>an attribution line, "El … escribió:" or "On … wrote:" (also when wrapped over two lines);</li>
 * <li>an Outlook header block, "De:/From:" followed within a few lines by "Enviado:/Sent:/Fecha:/Date:", or a
 * "-----Mensaje original-----" / "-----Original Message-----" / underscore rule;</li>
 * <li>the signature delimiter {@code --} (which {@link HtmlText} writes before signature blocks), or "Enviado desde
 * mi…" / "Sent from my…";</li>
 * <li>a sign-off line ("Un saludo", "Atentamente", "Best regards", "Thanks", …, optionally followed by a name on the
 * same line) when what follows it is short and looks like a name and contact block.</li>
 * </ul>
 * Text before the first cut is kept as it is. The guarantee ends there: a reply written below the quoted history
 * ("bottom posting") is lost, and a signature with no delimiter and no sign-off is kept.
 */
public final class MessageZones {

    private static final Pattern QUOTED = Pattern.compile("^\\s*>");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(?:el|on)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile("(?:escribi[oó]|wrote)\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*(?:-{3,}\\s*(?:mensaje original|original message|forwarded message|mensaje reenviado)\\s*-{3,}"
                    + "|_{8,}|begin forwarded message:|inicio del mensaje reenviado:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(?:de|from)\\s*:\\*?\\s+\\S",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\s*\\*?(?:enviado(?: el)?|sent|fecha|date)\\s*:\\*?\\s+\\S", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT_INLINE = Pattern.compile("\\s\\*?(?:enviado(?: el)?|sent|fecha|date)\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s*$");
    private static final Pattern SENT_FROM_DEVICE = Pattern.compile("^\\s*(?:enviado desde mi|sent from my)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_OFF = Pattern.compile("^\\s*(?:un (?:cordial )?saludo(?: cordial)?"
            + "|saludos(?: cordiales)?|reciba un cordial saludo|un abrazo|cordialmente|atentamente|atte|slds"
            + "|muchas gracias|mil gracias|gracias(?: de antemano)?|quedo a su disposici[oó]n|quedamos a su disposici[oó]n"
            + "|quedo atent[oa]|quedo a la espera|buen fin de semana|que tenga(?:s)? (?:un )?buen d[ií]a"
            + "|disculpe las molestias|best regards|kind regards|warm regards|warmest regards|regards|best wishes"
            + "|all the best|best|many thanks|thanks(?: again| and regards)?|thank you|thx|cheers|sincerely"
            + "|yours sincerely|take care|talk soon|have a (?:good|great|nice) (?:weekend|day)"
            + "|apologies for (?:any|the) \\w+)"
            + "[,.!]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3}[,.!]?\\s*$", Pattern.CASE_INSENSITIVE);
    /** What a signature line that ends like a sentence still looks like: a phone, an address, a link. */
    private static final Pattern CONTACT = Pattern.compile("\\d{3,}|\\d+[ .-]\\d+[ .-]\\d+|@|https?:|www\\.|\\|"
            + "|\\b(?:tel|tlf|telf|ext|phone|m[oó]vil|mobile|fax)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s*$");
    private static final int MAX_SIGNATURE_LINES = 7;

    private MessageZones() {
    }

    /** The author's own text of a body (HTML or plain), stripped; empty for null or blank. */
    public static String authorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = HtmlText.plain(body).replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = List.of(text.split("\n", -1));
        int end = historyStart(lines);
        List<String> own = new ArrayList<>(lines.subList(0, end));
        cutSignOff(own);
        return String.join("\n", own).strip();
    }

    /** The index of the first line that is quoted history, a signature delimiter or a device footer. */
    private static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (QUOTED.matcher(line).find() || ORIGINAL_MESSAGE.matcher(line).find()
                    || SIGNATURE_DELIMITER.matcher(line).find() || SENT_FROM_DEVICE.matcher(line).find()
                    || isAttribution(lines, i) || isOutlookHeader(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean isAttribution(List<String> lines, int i) {
        String line = lines.get(i);
        if (!ATTRIBUTION_START.matcher(line).find()) {
            return false;
        }
        if (ATTRIBUTION_END.matcher(line).find()) {
            return true;
        }
        return i + 1 < lines.size() && line.length() < 200 && ATTRIBUTION_END.matcher(lines.get(i + 1)).find()
                && lines.get(i + 1).length() < 120;
    }

    private static boolean isOutlookHeader(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i)).find()) {
            return false;
        }
        if (HEADER_SENT_INLINE.matcher(lines.get(i)).find()) {
            return true;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
            if (HEADER_SENT.matcher(lines.get(j)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Removes a trailing sign-off and the name/contact block after it, when that block is short. */
    private static void cutSignOff(List<String> lines) {
        boolean contentBefore = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (contentBefore && SIGN_OFF.matcher(line).matches() && looksLikeSignatureBlock(lines, i + 1)) {
                lines.subList(i, lines.size()).clear();
                return;
            }
            if (!line.isBlank()) {
                contentBefore = true;
            }
        }
    }

    /**
     * Whether the lines after a sign-off are a name and contact block: at most a few short lines, none of them a
     * sentence unless it holds contact details.
     */
    private static boolean looksLikeSignatureBlock(List<String> lines, int from) {
        int nonEmpty = 0;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            nonEmpty++;
            boolean sentence = SENTENCE_END.matcher(line).find() && !CONTACT.matcher(line).find();
            if (nonEmpty > MAX_SIGNATURE_LINES || sentence || line.split("\\s+").length > 12) {
                return false;
            }
        }
        return true;
    }
}
