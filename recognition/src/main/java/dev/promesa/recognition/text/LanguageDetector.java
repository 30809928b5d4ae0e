package dev.promesa.recognition.text;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Spanish from English in a short help desk reply by counting frequent function words of each language, plus
 * the marks only Spanish uses (accents, ñ, ¿, ¡). Deterministic and allocation-light; a text with no evidence either
 * way is Spanish, the desk's default locale.
 */
public final class LanguageDetector {

    private static final Pattern WORD = Pattern.compile("[a-z']+");
    private static final Set<String> SPANISH = Set.of("de", "la", "el", "que", "y", "en", "los", "las", "le", "les",
            "se", "por", "un", "una", "con", "para", "es", "lo", "su", "al", "del", "manana", "hoy", "gracias",
            "saludo",
            "saludos", "hola", "buenos", "dias", "usted", "te", "llamo", "envio", "tarde", "esta", "este", "ya", "pero",
            "como", "mas", "muy", "nos", "mi", "si", "tu", "estamos", "hemos", "he", "cuando", "sin", "antes",
            "aviso", "escribo", "equipo", "atentamente", "buenas", "correo", "favor");
    private static final Set<String> ENGLISH = Set.of("the", "to", "you", "i", "and", "of", "is", "it", "in", "for",
            "on", "we", "your", "will", "be", "this", "that", "with", "have", "i'll", "we'll", "hi", "thanks",
            "regards",
            "tomorrow", "today", "call", "send", "by", "at", "can", "my", "if", "get", "back", "let", "know", "it's",
            "i'm", "we're", "ill", "hello", "morning", "email", "from", "our", "are", "has", "been", "update",
            "please");

    private LanguageDetector() {
    }

    /** The language a text is most likely written in; Spanish when it cannot tell. */
    public static Language detect(String text) {
        if (text == null || text.isBlank()) {
            return Language.ES;
        }
        int spanish = 0;
        int english = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("áéíóúñ¿¡ÁÉÍÓÚÑ".indexOf(c) >= 0) {
                spanish += 2;
            }
        }
        Matcher words = WORD.matcher(Folding.fold(text));
        while (words.find()) {
            String word = words.group();
            if (SPANISH.contains(word)) {
                spanish++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        return english > spanish ? Language.EN : Language.ES;
    }
}
