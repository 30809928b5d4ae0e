package dev.promesa.followup.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses SLA targets: ISO-8601 durations ({@code PT4H}) or business days ({@code 3bd}). */
final class BusinessDurations {

    private BusinessDurations() {
    }

    /**
     * @param workingDay what one business day is worth on the target's calendar (9 h for 09:00–18:00, 24 h for 24x7)
     */
    static Duration parse(String text, Duration workingDay, String key) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("bd")) {
                return workingDay.multipliedBy(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            Duration duration = Duration.parse(text.trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException();
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(text, key);
        } catch (IllegalArgumentException e) {
            throw invalid(text, key);
        }
    }

    private static IllegalArgumentException invalid(String text, String key) {
        return new IllegalArgumentException("Invalid SLA target '" + text + "' for " + key
                + ": use a positive ISO-8601 duration such as PT4H, or business days such as 3bd");
    }
}
