package dev.promesa.recognition.time;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The time a clause promises something by.
 *
 * @param at the due moment, in the resolution zone; null when vague
 * @param vague true for "en breve", "shortly", "asap" and the like: no due moment
 * @param day the day the expression named or fell on, or null; the next clause may fall on it too
 */
public record DueTime(ZonedDateTime at, boolean vague, LocalDate day) {

    public DueTime {
        if ((at == null) != vague) {
            throw new IllegalArgumentException("a due time is vague exactly when it has no moment");
        }
    }

    public static DueTime precise(ZonedDateTime at, LocalDate day) {
        return new DueTime(at, false, day);
    }

    public static DueTime vagueTime() {
        return new DueTime(null, true, null);
    }
}
