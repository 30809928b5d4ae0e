package dev.promesa.recognition.promise;

import java.time.Instant;
import java.util.Objects;

import dev.promesa.contracts.CommitmentKind;

/**
 * A promise recognised in an agent's words. It is always a promise to the user (followup records it as promised to
 * USER, origin TEXT).
 *
 * @param quote the sentence the agent wrote, as the user's e-mail shows it back (whitespace collapsed)
 * @param kind {@link CommitmentKind#CALLBACK} for a phone call, otherwise {@link CommitmentKind#UPDATE}
 * @param dueAt when it is due; null exactly when vague
 * @param vague a promise with a vague time ("en breve", "shortly"): followup makes it SUGGESTED, shown but never alerted
 *        until an agent confirms it
 * @param confidence how sure the recognizer is, 0 to 1
 * @param language "es" or "en"
 */
public record RecognizedPromise(String quote, CommitmentKind kind, Instant dueAt, boolean vague, double confidence,
        String language) {

    public RecognizedPromise {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        if ((dueAt == null) != vague) {
            throw new IllegalArgumentException("a promise has no due time exactly when it is vague");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /**
     * Whether this is the same promise as another one: the same kind and the same due time (both vague counts as the
     * same time). followup uses it to tell a reply that repeats an open promise from a new one.
     */
    public boolean sameAs(RecognizedPromise other) {
        return other != null && kind == other.kind && vague == other.vague && Objects.equals(dueAt, other.dueAt);
    }

    /** Whether this promise is the same as an existing commitment of a kind and due time (null due: a vague one). */
    public boolean sameAs(CommitmentKind otherKind, Instant otherDueAt) {
        return kind == otherKind && Objects.equals(dueAt, otherDueAt);
    }
}
