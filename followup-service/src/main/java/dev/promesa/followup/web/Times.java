package dev.promesa.followup.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import dev.promesa.calendar.HumanTime;

/**
 * Times on the board, in the viewer's zone: compact for tables ("mié 3 dic, 10:30" / "Wed 3 Dec, 10:30"), the year
 * only when it is not this year's; durations as the staff emails say them ({@link HumanTime#duration}); and the
 * value of a date-time field, read back in the same zone.
 */
public final class Times {
    private static final DateTimeFormatter ES = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm",
            Locale.forLanguageTag("es"));
    private static final DateTimeFormatter ES_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.forLanguageTag("es"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
    private static final DateTimeFormatter EN_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Times() {
    }

    public static String at(Instant time, Instant now, ZoneId zone, String language) {
        if (time == null) {
            return "";
        }
        ZonedDateTime at = time.atZone(zone);
        boolean sameYear = at.getYear() == now.atZone(zone).getYear();
        boolean es = language.startsWith("es");
        String text = (es ? (sameYear ? ES : ES_YEAR) : (sameYear ? EN : EN_YEAR)).format(at);
        // the JDK writes Spanish abbreviations with a full stop ("mié.", "dic."): a board reads better without
        return es ? text.replace(".", "") : text;
    }

    /** The time of day with seconds ({@code 10:42:05}), for "counted at"; empty for null. */
    public static String clock(Instant time, ZoneId zone) {
        return time == null ? "" : CLOCK.format(time.atZone(zone));
    }

    public static String distance(Instant time, Instant now, String language) {
        return time == null ? "" : HumanTime.duration(Duration.between(now, time), language);
    }

    /** The value of an {@code <input type="datetime-local">} for this time, in the viewer's zone. */
    public static String field(Instant time, ZoneId zone) {
        return time == null ? "" : FIELD.format(time.atZone(zone));
    }

    /** A date-time field's value ({@code 2026-12-03T10:30}, seconds optional) read in the viewer's zone. */
    public static Optional<Instant> fromField(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
