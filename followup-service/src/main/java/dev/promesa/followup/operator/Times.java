package dev.promesa.followup.operator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as the operations page shows them: in the viewer's zone and language ({@code 2 dic 2026, 9:05}). Pure. */
final class Times {

    private Times() {
    }

    /** The date and time, or an empty text for null. */
    static String dateTime(Instant time, ZoneId zone, String lang) {
        return time == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Locale.forLanguageTag(lang)).withZone(zone).format(time);
    }

    /** The time of day with seconds ({@code 10:42:05}), or an empty text for null. */
    static String clock(Instant time, ZoneId zone) {
        return time == null ? "" : DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(time);
    }
}
