package dev.promesa.recognition.time;

import java.util.Optional;

import dev.promesa.recognition.text.Language;

/**
 * Finds the time a clause of a promise speaks of and resolves it to a due moment. The one seam for temporal parsing:
 * {@link RuleTemporalResolver} is the default; another engine (a library, a model) implements this interface.
 * Implementations are immutable and thread-safe.
 */
public interface TemporalResolver {

    /**
     * The due time of a clause, or empty when it names no time (or only past ones).
     *
     * @param clause one clause of a sentence, as written (accents and case as the author typed them)
     * @param language its language
     * @param context the moment it was written, the working hours and the day named before it
     */
    Optional<DueTime> resolve(String clause, Language language, ResolutionContext context);
}
