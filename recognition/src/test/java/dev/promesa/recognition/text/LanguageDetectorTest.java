package dev.promesa.recognition.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void tellsSpanishFromEnglish() {
        assertThat(LanguageDetector.detect("Buenos días, le llamo mañana antes de las 10.")).isEqualTo(Language.ES);
        assertThat(LanguageDetector.detect("Hi Sam, I'll call you tomorrow before 10.")).isEqualTo(Language.EN);
    }

    @Test
    void carelessWritingIsStillRecognised() {
        assertThat(LanguageDetector.detect("te escribo manana con lo que me digan los de redes"))
                .isEqualTo(Language.ES);
        assertThat(LanguageDetector.detect("ill send u the details tmrw")).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect("ok, will call you in 20 min")).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect("ok, te llamo en 20 min")).isEqualTo(Language.ES);
    }

    @Test
    void noEvidenceMeansSpanishTheDesksDefault() {
        assertThat(LanguageDetector.detect("")).isEqualTo(Language.ES);
        assertThat(LanguageDetector.detect("OK 123")).isEqualTo(Language.ES);
    }

    @Test
    void localesNameTheirLanguage() {
        assertThat(Language.ofLocale("es-MX")).contains(Language.ES);
        assertThat(Language.ofLocale("en_GB")).contains(Language.EN);
        assertThat(Language.ofLocale("EN")).contains(Language.EN);
        assertThat(Language.ofLocale("fr-FR")).isEmpty();
        assertThat(Language.ofLocale(null)).isEmpty();
    }
}
