package dev.promesa.recognition.text;

import java.util.Locale;
import java.util.Optional;

/** The languages whose promises Promesa recognises. */
public enum Language {
    ES("es"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, "es" or "en". */
    public String code() {
        return code;
    }

    /**
     * The language of a locale tag such as {@code es}, {@code es-MX} or {@code en_GB}; empty for null, blank or any
     * other language.
     */
    public static Optional<Language> ofLocale(String localeTag) {
        if (localeTag == null || localeTag.isBlank()) {
            return Optional.empty();
        }
        String language = localeTag.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        for (Language candidate : values()) {
            if (candidate.code.equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
