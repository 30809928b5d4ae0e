package dev.promesa.recognition.time;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a time expression is resolved against.
 *
 * @param now the moment the text was written, in the zone to resolve in
 * @param hours working days and hours, read in that same zone
 * @param sentenceDay the day named earlier in the same sentence, or null: a bare time of day ("and in the afternoon",
 *        "y a las 12") falls on it
 * @param messageDay the day named last anywhere earlier in the message, or null: "ese mismo día", "that same day"
 *        falls on it
 */
public record ResolutionContext(ZonedDateTime now, WorkingTime hours, LocalDate sentenceDay, LocalDate messageDay) {

    public ResolutionContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(hours, "hours");
    }

    /** A context with no day named before. */
    public static ResolutionContext at(ZonedDateTime now, WorkingTime hours) {
        return new ResolutionContext(now, hours, null, null);
    }
}
