package dev.promesa.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Times and durations as a person reads them, in Spanish or English: "jueves 26 de noviembre a las 15:00 (hora de
 * Madrid)", "Thursday 26 November at 14:00 (London time)", for en-US readers "Thursday, November 26 at 9:00 AM (New
 * York time)"; durations compact for staff ("1 h 20 min") or in words for users ("una hora y veinte minutos"). Pure
 * functions; the caller picks the recipient's zone and dialect ({@code es}, {@code en}, {@code en-US}, see
 * notifier's {@code MailLanguage.dialect}).
 */
public final class HumanTime {
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final DateTimeFormatter ES = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", SPANISH);
    private static final DateTimeFormatter ES_WITH_YEAR = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy",
            SPANISH);
    private static final DateTimeFormatter GB = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter GB_WITH_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
            Locale.UK);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", Locale.US);
    private static final DateTimeFormatter US_WITH_YEAR = DateTimeFormatter.ofPattern(
            "EEEE, MMMM d, yyyy 'at' h:mm a", Locale.US);

    private static final Map<String, String> SPANISH_CITIES = Map.ofEntries(
            Map.entry("Mexico City", "la Ciudad de México"), Map.entry("New York", "Nueva York"),
            Map.entry("London", "Londres"), Map.entry("Bogota", "Bogotá"), Map.entry("Asuncion", "Asunción"),
            Map.entry("Lisbon", "Lisboa"), Map.entry("Brussels", "Bruselas"), Map.entry("Canary", "Canarias"),
            Map.entry("Havana", "La Habana"), Map.entry("Panama", "Panamá"), Map.entry("Sao Paulo", "São Paulo"));

    private static final String[] ES_NUMBERS = {"", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
            "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
            "diecinueve", "veinte", "veintiún", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
            "veintisiete", "veintiocho", "veintinueve"};
    private static final String[] ES_TENS = {"", "", "", "treinta", "cuarenta", "cincuenta"};
    private static final String[] EN_NUMBERS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] EN_TENS = {"", "", "twenty", "thirty", "forty", "fifty"};

    private HumanTime() {
    }

    /**
     * @param reference "now" for the reader: the year is shown only when {@code time} falls in another year
     * @param dialect {@code es}, {@code en} (British dates and 24-hour clock) or {@code en-US}
     */
    public static String dateTime(Instant time, Instant reference, ZoneId zone, String dialect) {
        ZonedDateTime at = time.atZone(zone);
        boolean sameYear = reference == null || at.getYear() == reference.atZone(zone).getYear();
        boolean spanish = dialect.startsWith("es");
        String place = place(zone, spanish);
        if (spanish) {
            // "a la 1:30", "a las 15:00"
            String clock = (at.getHour() == 1 ? " a la " : " a las ") + at.getHour() + ":"
                    + String.format(Locale.ROOT, "%02d", at.getMinute());
            return (sameYear ? ES : ES_WITH_YEAR).format(at) + clock + " (hora de " + place + ")";
        }
        boolean american = "en-US".equals(dialect);
        DateTimeFormatter format = american ? (sameYear ? US : US_WITH_YEAR) : (sameYear ? GB : GB_WITH_YEAR);
        return format.format(at) + " (" + place + " time)";
    }

    /**
     * "Madrid" for Europe/Madrid, "Mexico City" (in Spanish "Ciudad de México") for America/Mexico_City, "UTC" for
     * offsets. The JDK has no localized city names, so the few that differ in Spanish are listed here.
     */
    static String place(ZoneId zone, boolean spanish) {
        String id = zone.normalized() instanceof ZoneOffset offset
                ? (offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId())
                : zone.getId();
        int slash = id.lastIndexOf('/');
        String city = (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ');
        return spanish ? SPANISH_CITIES.getOrDefault(city, city) : city;
    }

    /** A duration rounded down to the minute, the sign ignored, in days, hours and minutes. */
    private record Span(long days, long hours, long minutes) {
        static Span of(Duration duration) {
            long total = duration.abs().toMinutes();
            return new Span(total / (24 * 60), total % (24 * 60) / 60, total % 60);
        }

        boolean underAMinute() {
            return days == 0 && hours == 0 && minutes == 0;
        }
    }

    /** Compact, for staff: "45 minutos", "1 h 20 min", "2 días 3 h" (callers say "late" or "left" themselves). */
    public static String duration(Duration duration, String language) {
        boolean es = language.startsWith("es");
        Span span = Span.of(duration);
        if (span.underAMinute()) {
            return es ? "menos de un minuto" : "less than a minute";
        }
        if (span.days() > 0) {
            String d = span.days() + " " + unitName(span.days(), Unit.DAY, es);
            return span.hours() > 0 ? d + " " + span.hours() + " h" : d;
        }
        if (span.hours() > 0) {
            return span.minutes() > 0
                    ? span.hours() + " h " + span.minutes() + " min"
                    : span.hours() + " " + unitName(span.hours(), Unit.HOUR, es);
        }
        return span.minutes() + " " + unitName(span.minutes(), Unit.MINUTE, es);
    }

    /**
     * The same duration in words, as a user email says it: "una hora y veinte minutos", "dos días y tres horas", "an
     * hour and twenty minutes"; minutes are left out once it is days. Numbers from 60 on stay in figures.
     */
    public static String words(Duration duration, String dialect) {
        boolean es = dialect.startsWith("es");
        Span span = Span.of(duration);
        if (span.underAMinute()) {
            return es ? "menos de un minuto" : "less than a minute";
        }
        if (span.days() > 0) {
            return and(unit(span.days(), Unit.DAY, es), span.hours() > 0 ? unit(span.hours(), Unit.HOUR, es) : null,
                    es);
        }
        if (span.hours() > 0) {
            return and(unit(span.hours(), Unit.HOUR, es),
                    span.minutes() > 0 ? unit(span.minutes(), Unit.MINUTE, es) : null, es);
        }
        return unit(span.minutes(), Unit.MINUTE, es);
    }

    private enum Unit {
        DAY("día", "días", false, "day", "days"), HOUR("hora", "horas", true, "hour", "hours"), MINUTE("minuto",
                "minutos", false, "minute", "minutes");

        final String esOne;
        final String esMany;
        final boolean feminine;
        final String enOne;
        final String enMany;

        Unit(String esOne, String esMany, boolean feminine, String enOne, String enMany) {
            this.esOne = esOne;
            this.esMany = esMany;
            this.feminine = feminine;
            this.enOne = enOne;
            this.enMany = enMany;
        }
    }

    private static String and(String first, String second, boolean es) {
        return second == null ? first : first + (es ? " y " : " and ") + second;
    }

    private static String unitName(long n, Unit unit, boolean es) {
        return es ? (n == 1 ? unit.esOne : unit.esMany) : (n == 1 ? unit.enOne : unit.enMany);
    }

    private static String unit(long n, Unit unit, boolean es) {
        if (es) {
            return number(n, unit.feminine) + " " + unitName(n, unit, true);
        }
        if (n == 1) {
            return (unit == Unit.HOUR ? "an " : "a ") + unit.enOne;
        }
        return english(n) + " " + unit.enMany;
    }

    /** 1–59 in Spanish words, agreeing with the noun ("una hora", "veintiún minutos"); figures from 60. */
    private static String number(long n, boolean feminine) {
        if (n >= 60) {
            return Long.toString(n);
        }
        String word = n < 30
                ? ES_NUMBERS[(int) n]
                : ES_TENS[(int) n / 10] + (n % 10 == 0 ? "" : " y " + ES_NUMBERS[(int) n % 10]);
        if (feminine) {
            word = word.endsWith("veintiún")
                    ? word.replace("veintiún", "veintiuna")
                    : word.endsWith("un") && (word.equals("un") || word.endsWith(" un")) ? word + "a" : word;
        }
        return word;
    }

    /** 2–59 in English words ("twenty-one"); figures from 60. */
    private static String english(long n) {
        if (n >= 60) {
            return Long.toString(n);
        }
        return n < 20
                ? EN_NUMBERS[(int) n]
                : EN_TENS[(int) n / 10] + (n % 10 == 0 ? "" : "-" + EN_NUMBERS[(int) n % 10]);
    }
}
