package dev.promesa.recognition.text;

/**
 * Text folded for matching: lower case, accents and the tilde removed, typographic apostrophes made plain. The folded
 * string has exactly the length of its input and every character stays at its index, so a match found in the folded
 * text is a span of the original.
 */
public final class Folding {

    private Folding() {
    }

    /** The folded form of a text; null stays null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** One character folded; characters without a plain form are only lower-cased. */
    public static char fold(char c) {
        return switch (c) {
            case 'á', 'à', 'â', 'ä', 'Á', 'À', 'Â', 'Ä' -> 'a';
            case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë' -> 'e';
            case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï' -> 'i';
            case 'ó', 'ò', 'ô', 'ö', 'Ó', 'Ò', 'Ô', 'Ö' -> 'o';
            case 'ú', 'ù', 'û', 'ü', 'Ú', 'Ù', 'Û', 'Ü' -> 'u';
            case 'ñ', 'Ñ' -> 'n';
            case 'ç', 'Ç' -> 'c';
            case '\u2019', '\u2018', '\u00b4', '`' -> '\'';
            case '\u00a0', '\t' -> ' ';
            default -> Character.toLowerCase(c);
        };
    }
}
