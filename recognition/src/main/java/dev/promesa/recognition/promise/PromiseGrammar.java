package dev.promesa.recognition.promise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.promesa.recognition.text.Folding;

/**
 * The promise words of one language: how a sentence splits into clauses, which first-person forms commit to act, and
 * which sentences are refused although they hold such a form and a time (questions and proposals, conditions on the
 * user, negations, announcements, past events). Precompiled patterns over folded text; stateless.
 */
abstract class PromiseGrammar {

    /** The clauses of a sentence. */
    final List<Clause> clauses(String sentence) {
        String folded = Folding.fold(sentence);
        List<Clause> clauses = new ArrayList<>();
        Matcher m = clauseBreak().matcher(folded);
        int start = 0;
        while (m.find()) {
            if (!separates(folded, m.start(), m.end())) {
                continue;
            }
            add(sentence, folded, start, m.start(), clauses);
            start = m.end();
        }
        add(sentence, folded, start, folded.length(), clauses);
        return clauses;
    }

    private static void add(String sentence, String folded, int start, int end, List<Clause> clauses) {
        if (end > start && !sentence.substring(start, end).isBlank()) {
            clauses.add(new Clause(sentence.substring(start, end), folded.substring(start, end), start));
        }
    }

    /** Whether a break found by {@link #clauseBreak()} really separates clauses (not "las 11 y media", "10 and 12"). */
    private boolean separates(String folded, int start, int end) {
        if (fraction().matcher(folded).region(end, folded.length()).lookingAt()) {
            return false;
        }
        return !(notABreakAfter().matcher(folded).region(end, folded.length()).lookingAt()
                && Character.isDigit(lastNonSpace(folded, start)));
    }

    private static char lastNonSpace(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    protected abstract Pattern clauseBreak();

    /** What may follow a break after a number without splitting ("10 y media", "between 10 and 12"). */
    protected abstract Pattern notABreakAfter();

    /** What never follows a clause break: the half or quarter of a time ("una hora y media", "an hour and a half"). */
    protected abstract Pattern fraction();

    /**
     * Whether a clause speaks in the first person future even when {@link #cue} found no commitment for the user in
     * it ("I'll take a look"): the clause after it may carry on with the same subject ("and let you know today").
     */
    boolean firstPerson(Clause clause) {
        return false;
    }

    /**
     * The commitment in a clause, or null.
     *
     * @param clause the clause
     * @param afterCommitment the clause before it in the same sentence held a commitment (its subject may carry over:
     *        "I'll call you at 10 and send the report at 12")
     */
    abstract Cue cue(Clause clause, boolean afterCommitment);

    /**
     * Where in a clause the commitment's time may be: the whole clause, except where the verb tells a fact now ("le
     * confirmo que mañana viene el técnico") and only a time before it counts.
     */
    int timeScopeEnd(Clause clause, Cue cue) {
        return clause.text().length();
    }

    /**
     * Why a clause with a commitment and a time is still no promise, or null when it is one.
     *
     * @param sentence the whole sentence, folded
     */
    abstract String refusal(String sentence, Clause clause, Cue cue);

    // Helpers shared by both languages.

    /** Whether the question a sentence asks covers a clause: Spanish ¿…? spans, or a sentence ending in "?". */
    protected static boolean inQuestion(String sentence, Clause clause, Pattern tag) {
        int open = sentence.lastIndexOf('¿', clause.end());
        if (open >= 0) {
            int close = sentence.indexOf('?', open);
            if (close < 0) {
                close = sentence.length();
            }
            if (open < clause.end() && close >= clause.start()) {
                return true;
            }
        }
        String trimmed = sentence.strip();
        if (!trimmed.endsWith("?") || sentence.indexOf('¿') >= 0) {
            return false;
        }
        return !tag.matcher(trimmed).find();
    }

    /** Whether a pattern matches the sentence up to the end of the clause. */
    protected static boolean findsBefore(Pattern pattern, String sentence, Clause clause) {
        return pattern.matcher(sentence).region(0, clause.end()).find();
    }

    protected static boolean finds(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    /**
     * The clause from the comma before its commitment on: "hoy no puedo, le llamo mañana" leaves the negation out,
     * "we'll go over it, today is impossible" keeps it.
     */
    protected static String fromCommitmentOn(Clause clause, Cue cue) {
        String text = clause.folded();
        return text.substring(text.lastIndexOf(',', Math.max(0, cue.start() - 1)) + 1);
    }
}
