package dev.promesa.recognition.corpus;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.recognition.promise.AgentMessage;
import dev.promesa.recognition.promise.WorkingHours;

/**
 * One labelled reply of the corpus (format: src/test/resources/corpus/README.md).
 *
 * @param id e.g. es-dev-0001
 * @param part "dev" or "heldout", from the file name
 * @param language "es" or "en", from the file name
 * @param at occurredAt, in the record's zone
 * @param locale the requester's locale, or null
 * @param expected the promises it makes, in order; empty for a negative
 * @param body the body, verbatim
 */
public record CorpusRecord(String id, String part, String language, ZonedDateTime at, String locale,
        List<Expected> expected, String body) {

    /** A labelled promise: due null when vague. */
    public record Expected(Instant due, CommitmentKind kind) {
        public boolean vague() {
            return due == null;
        }

        @Override
        public String toString() {
            return (due == null ? "vague" : due.toString()) + " " + kind;
        }
    }

    /** The message as followup would pass it: the record's locale (or none), moment, zone and the standard hours. */
    public AgentMessage message() {
        return new AgentMessage(body, locale, at, WorkingHours.standard());
    }
}
