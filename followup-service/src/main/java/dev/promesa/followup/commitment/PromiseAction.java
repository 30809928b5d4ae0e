package dev.promesa.followup.commitment;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person does with a promise through the API (DESIGN.md, "Acting on promises").
 *
 * @param id unique per source: the timeline entry's id, and what closes the promise ({@code closedByEventId})
 * @param commitmentId the promise acted on
 * @param actorId who did it
 * @param at when (the service's clock)
 * @param dueAt the new due time: required to reschedule, optional to confirm (a vague suggestion needs one)
 * @param reason why: required to cancel, optional to reschedule
 */
public record PromiseAction(Type type, String id, String commitmentId, String actorId, Instant at,
        Optional<Instant> dueAt, Optional<String> reason) {

    public enum Type {
        CONFIRM, RESCHEDULE, CANCEL, KEEP;

        /** The path segment: {@code confirm}, {@code reschedule}, {@code cancel}, {@code keep}. */
        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> ofPath(String segment) {
            for (Type type : values()) {
                if (type.path().equals(segment)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }
}
