package dev.promesa.recognition.promise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.recognition.text.Folding;
import dev.promesa.recognition.text.Language;
import dev.promesa.recognition.text.LanguageDetector;
import dev.promesa.recognition.text.MessageZones;
import dev.promesa.recognition.text.Sentences;
import dev.promesa.recognition.time.DueTime;
import dev.promesa.recognition.time.ResolutionContext;
import dev.promesa.recognition.time.RuleTemporalResolver;
import dev.promesa.recognition.time.TemporalResolver;

/**
 * Recognises the promises an agent makes in a public reply or call summary, in Spanish or English, and resolves
 * their due times.
 * <p>
 * How: the body is reduced to the author's own words ({@link MessageZones}: no quoted history, signature or
 * sign-off); the language is the locale hint's, else detected; each sentence is split into clauses; a clause is a
 * promise when it holds a first-person commitment ("le llamo", "voy a enviarle", "I'll update you", "you'll hear from
 * me") and a time the {@link TemporalResolver} resolves, and no refusal applies (a question or proposal, a condition
 * on the user, a negation, an announcement, a past event). A message that says the same promise twice (same kind and
 * due time, see {@link RecognizedPromise#sameAs}) yields it once.
 * <p>
 * Immutable and thread-safe; patterns are compiled once per class, so one instance serves every message.
 */
public final class PromiseRecognizer {

    private final TemporalResolver resolver;

    /** A recognizer with Promesa's own temporal rules ({@link RuleTemporalResolver}). */
    public PromiseRecognizer() {
        this(new RuleTemporalResolver());
    }

    /** A recognizer that resolves times with another engine. */
    public PromiseRecognizer(TemporalResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The language a message is read in: its locale hint's when Spanish or English, else detected from its text. */
    public static Language languageOf(AgentMessage message) {
        return Language.ofLocale(message.localeHint())
                .orElseGet(() -> LanguageDetector.detect(MessageZones.authorText(message.body())));
    }

    /** The promises in a message, in the order written; empty when there are none. */
    public List<RecognizedPromise> recognize(AgentMessage message) {
        String own = MessageZones.authorText(message.body());
        if (own.isEmpty()) {
            return List.of();
        }
        Language language = Language.ofLocale(message.localeHint()).orElseGet(() -> LanguageDetector.detect(own));
        PromiseGrammar grammar = language == Language.EN ? EnglishPromises.INSTANCE : SpanishPromises.INSTANCE;
        List<Read> sentences = new ArrayList<>();
        int lastWithCue = -1;
        for (String sentence : Sentences.split(own)) {
            Read read = cues(sentence, grammar);
            sentences.add(read);
            if (read.lastCue() >= 0) {
                lastWithCue = sentences.size() - 1;
            }
        }
        // Times are resolved only as far as the last clause with a commitment cue: a clause's time matters to it and,
        // as the day that later clauses and sentences refer to, to those after it. Most replies promise nothing and
        // cost only the cue search (the time grammar is the dearer part).
        Reading reading = new Reading(message, language, grammar);
        for (int i = 0; i <= lastWithCue; i++) {
            resolve(sentences.get(i), i == lastWithCue ? sentences.get(i).lastCue() : Integer.MAX_VALUE, reading);
        }
        return List.copyOf(reading.promises);
    }

    /** One sentence's clauses with their commitment cues (null where none), and the index of the last cue or -1. */
    private record Read(String sentence, List<Clause> clauses, List<Cue> cues, int lastCue) {
    }

    private static Read cues(String sentence, PromiseGrammar grammar) {
        List<Clause> clauses = grammar.clauses(sentence);
        List<Cue> cues = new ArrayList<>(clauses.size());
        boolean afterCommitment = false;
        int lastCue = -1;
        for (Clause clause : clauses) {
            Cue cue = grammar.cue(clause, afterCommitment);
            cues.add(cue);
            if (cue != null) {
                lastCue = cues.size() - 1;
            }
            afterCommitment = cue != null || grammar.firstPerson(clause);
        }
        return new Read(sentence, clauses, cues, lastCue);
    }

    /** What one message's reading carries from clause to clause and sentence to sentence. */
    private static final class Reading {
        final AgentMessage message;
        final Language language;
        final PromiseGrammar grammar;
        final List<RecognizedPromise> promises = new ArrayList<>();
        LocalDate messageDay;

        Reading(AgentMessage message, Language language, PromiseGrammar grammar) {
            this.message = message;
            this.language = language;
            this.grammar = grammar;
        }
    }

    /** The sentence's clauses up to {@code lastClause}: their times, and a promise where a cue meets a time. */
    private void resolve(Read read, int lastClause, Reading reading) {
        PromiseGrammar grammar = reading.grammar;
        String folded = Folding.fold(read.sentence());
        LocalDate sentenceDay = null;
        for (int i = 0; i < read.clauses().size() && i <= lastClause; i++) {
            Clause clause = read.clauses().get(i);
            Cue cue = read.cues().get(i);
            ResolutionContext context = new ResolutionContext(reading.message.occurredAt(), reading.message.hours(),
                    sentenceDay, reading.messageDay);
            Optional<DueTime> due = resolver.resolve(clause.text(), reading.language, context);
            if (due.isPresent() && due.get().day() != null) {
                sentenceDay = due.get().day();
                reading.messageDay = sentenceDay;
            }
            if (cue == null || due.isEmpty() || grammar.refusal(folded, clause, cue) != null) {
                continue;
            }
            int scope = grammar.timeScopeEnd(clause, cue);
            if (scope < clause.text().length()) {
                due = resolver.resolve(clause.text().substring(0, scope), reading.language, context);
            }
            if (due.isPresent()) {
                RecognizedPromise promise = promise(read.sentence(), cue, due.get(), reading.language);
                if (reading.promises.stream().noneMatch(promise::sameAs)) {
                    reading.promises.add(promise);
                }
            }
        }
    }

    private static RecognizedPromise promise(String sentence, Cue cue, DueTime due, Language language) {
        CommitmentKind kind = cue.callback() ? CommitmentKind.CALLBACK : CommitmentKind.UPDATE;
        double confidence = cue.strength() * (due.vague() ? 0.7 : 1.0);
        if (sentence.indexOf('?') >= 0) {
            confidence *= 0.85;
        }
        return new RecognizedPromise(sentence, kind, due.vague() ? null : due.at().toInstant(), due.vague(),
                Math.round(confidence * 100) / 100.0, language.code());
    }
}
