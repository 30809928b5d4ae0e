package dev.promesa.recognition.promise;

/**
 * One clause of a sentence: a span joined to the next by "y", "pero", "and", "but", ";".
 *
 * @param text the clause as written
 * @param folded the same text folded ({@link dev.promesa.recognition.text.Folding})
 * @param start its index in the sentence
 */
record Clause(String text, String folded, int start) {

    int end() {
        return start + text.length();
    }
}
