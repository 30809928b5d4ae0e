package dev.promesa.notifier.template;

import java.util.Locale;
import java.util.Set;

/** The languages we have templates for, and how a locale tag ({@code es-MX}, {@code en_GB}) maps to one of them. */
public final class MailLanguage {
    public static final Set<String> SUPPORTED = Set.of("es", "en");

    private MailLanguage() {
    }

    /** The supported language of {@code tag}, else {@code fallback}'s, else Spanish. */
    public static String choose(String tag, String fallback) {
        String language = languageOf(tag);
        if (SUPPORTED.contains(language)) {
            return language;
        }
        String fallbackLanguage = languageOf(fallback);
        return SUPPORTED.contains(fallbackLanguage) ? fallbackLanguage : "es";
    }

    /**
     * {@link #choose}'s language, and for English the reader's conventions: {@code en-US} (month first, 12-hour
     * clock, American spelling) for a US locale, else {@code en} (British usage, as the templates are written).
     */
    public static String dialect(String tag, String fallback) {
        String language = choose(tag, fallback);
        if (!"en".equals(language)) {
            return language;
        }
        String source = SUPPORTED.contains(languageOf(tag)) ? tag : fallback;
        return source != null && "US".equals(Locale.forLanguageTag(source.trim().replace('_', '-')).getCountry())
                ? "en-US"
                : "en";
    }

    private static String languageOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        return Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    }
}
