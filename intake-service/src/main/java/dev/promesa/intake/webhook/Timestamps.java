package dev.promesa.intake.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;

import dev.promesa.intake.validation.FieldRules;

/**
 * The timestamps desks write, as instants. Each one carries its offset; a time without one is not guessed at.
 * <ul>
 * <li>ISO-8601 with offset or Z, fractions up to nanoseconds: Zammad {@code 2020-11-13T14:34:35.282Z}, Zendesk
 * {@code 2025-01-08T14:25:30.123456789Z} and {@code {{ticket.updated_at_with_timestamp}}};</li>
 * <li>ISO-8601 with an offset without colon: Jira {@code 2018-01-23T17:14:04.071-0500};</li>
 * <li>date, time and offset or {@code UTC} separated by spaces, as Ruby prints a time: Freshdesk's
 * {@code {{ticket.modified_on}}}, {@code 2026-11-26 09:00:00 UTC} or {@code 2026-11-26 10:00:00 +0100};</li>
 * <li>milliseconds since the epoch, as a JSON number: Jira's top-level {@code timestamp}.</li>
 * </ul>
 */
public final class Timestamps {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
                    .append(DateTimeFormatter.ISO_LOCAL_TIME).appendOffset("+HHMM", "Z").toFormatter(),
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
                    .append(DateTimeFormatter.ISO_LOCAL_TIME).appendLiteral(' ').appendOffset("+HHMM", "UTC")
                    .toFormatter(),
            new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
                    .append(DateTimeFormatter.ISO_LOCAL_TIME).appendLiteral(' ').appendOffset("+HH:MM", "UTC")
                    .toFormatter());

    private Timestamps() {
    }

    /** The instant a desk's text names, or null when it is none of the formats above. */
    public static Instant parse(String text) {
        String trimmed = text.strip();
        Instant iso = FieldRules.isoInstant(trimmed);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return OffsetDateTime.parse(trimmed, format).toInstant();
            } catch (DateTimeException e) {
                // next format
            }
        }
        return null;
    }

    /** Milliseconds since the epoch, or null when out of Promesa's range. */
    public static Instant ofEpochMillis(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        return FieldRules.instantProblem(instant, String.valueOf(millis)) == null ? instant : null;
    }
}
