package dev.promesa.recognition.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsAtFinalPunctuationAndLineBreaks() {
        assertThat(Sentences.split("Hola Marta,\nYa está. Le escribo en 2 horas! ¿Vale?"))
                .containsExactly("Hola Marta,", "Ya está.", "Le escribo en 2 horas!", "¿Vale?");
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertThat(Sentences.split("Llame a la ext. 4412 o al Sr. Gil a las 3 p.m. mañana. Gracias."))
                .containsExactly("Llame a la ext. 4412 o al Sr. Gil a las 3 p.m. mañana.", "Gracias.");
    }

    @Test
    void wrappedLinesAreJoinedAndWhitespaceCollapsed() {
        assertThat(Sentences.split("I'll call you tomorrow\nbefore 10 so we can   look at it."))
                .containsExactly("I'll call you tomorrow before 10 so we can look at it.");
    }
}
