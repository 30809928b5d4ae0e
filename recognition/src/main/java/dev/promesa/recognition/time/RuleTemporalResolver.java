package dev.promesa.recognition.time;

import java.util.Optional;

import dev.promesa.recognition.text.Folding;
import dev.promesa.recognition.text.Language;

/**
 * The default {@link TemporalResolver}: Promesa's own rules for Spanish and English (relative durations, clock times
 * read by working hours, today/tomorrow/the day after, weekdays, dates, opening, noon and end of day, vague times),
 * resolved as the labelling guide says. Precompiled patterns, no state: immutable and thread-safe.
 */
public final class RuleTemporalResolver implements TemporalResolver {

    @Override
    public Optional<DueTime> resolve(String clause, Language language, ResolutionContext context) {
        if (clause == null || clause.isBlank()) {
            return Optional.empty();
        }
        TimeGrammar grammar = language == Language.EN ? EnglishTimeGrammar.INSTANCE : SpanishTimeGrammar.INSTANCE;
        TimeExpression expression = grammar.parse(Folding.fold(clause));
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        DueTime precise = DueCalculator.resolve(expression, context);
        if (precise != null) {
            return Optional.of(precise);
        }
        return expression.vague() ? Optional.of(DueTime.vagueTime()) : Optional.empty();
    }
}
