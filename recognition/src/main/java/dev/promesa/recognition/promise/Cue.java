package dev.promesa.recognition.promise;

/**
 * A first-person commitment found in a clause ("le llamo", "I'll send", "you'll hear from me").
 *
 * @param start where it starts in the clause
 * @param end where it ends in the clause
 * @param callback the act promised is a phone call to the user
 * @param strength how plainly it commits, 0..1 (a subjectless "will update" is weaker than "I'll update you")
 * @param ambiguousPast the verb form is also a past one (Spanish "-amos" of -ar/-ir verbs: "le enviamos")
 */
record Cue(int start, int end, boolean callback, double strength, boolean ambiguousPast) {
}
