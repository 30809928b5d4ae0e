package dev.promesa.recognition.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a plain text into sentences as a reader would quote them: at {@code .}, {@code !}, {@code ?} and {@code …}
 * followed by a space (not after common abbreviations such as "ext." or "a.m."), at blank lines, and at line breaks
 * unless the next line continues the sentence (the previous line has no final punctuation and the next one starts in
 * lower case). Whitespace inside a sentence is collapsed to single spaces.
 */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("ext", "tel", "tlf", "sr", "sra", "srta", "dr", "dra",
            "rr", "hh", "etc", "núm", "num", "nº", "approx", "aprox", "e.g", "i.e", "vs", "mr", "mrs", "ms",
            "st", "p.m", "a.m", "a", "p", "uds", "ud", "inc", "dept", "depto", "av", "avda", "pág", "pag");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private Sentences() {
    }

    /** The sentences of a text, in order, none empty. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String paragraph : BLANK_LINE.split(text)) {
            splitParagraph(joinWrappedLines(paragraph), sentences);
        }
        return sentences;
    }

    /** Joins lines that continue the sentence of the line before; other line breaks become sentence ends. */
    private static String joinWrappedLines(String paragraph) {
        String[] lines = paragraph.split("\n");
        StringBuilder out = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                boolean ended = ".!?:;…".indexOf(last) >= 0;
                boolean continues = !ended && Character.isLowerCase(line.charAt(0));
                out.append(continues ? " " : "\n");
            }
            out.append(line);
        }
        return out.toString();
    }

    private static void splitParagraph(String paragraph, List<String> sentences) {
        int start = 0;
        int length = paragraph.length();
        for (int i = 0; i < length; i++) {
            char c = paragraph.charAt(i);
            if (c == '\n') {
                add(paragraph.substring(start, i), sentences);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < length && ".!?…)\"»".indexOf(paragraph.charAt(end)) >= 0) {
                    end++;
                }
                boolean atSpace = end >= length || Character.isWhitespace(paragraph.charAt(end));
                if (atSpace && !(c == '.' && isAbbreviation(paragraph, i))) {
                    add(paragraph.substring(start, end), sentences);
                    start = end;
                }
                i = end - 1;
            }
        }
        add(paragraph.substring(Math.min(start, length)), sentences);
    }

    private static boolean isAbbreviation(String text, int dot) {
        int begin = dot;
        while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1))) {
            begin--;
        }
        String word = text.substring(begin, dot).toLowerCase(Locale.ROOT).replaceAll("^[(\\[¿¡\"]+", "");
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0))
                && Character.isUpperCase(text.charAt(begin)));
    }

    private static void add(String sentence, List<String> sentences) {
        String collapsed = sentence.replaceAll("\\s+", " ").strip();
        if (!collapsed.isEmpty()) {
            sentences.add(collapsed);
        }
    }
}
