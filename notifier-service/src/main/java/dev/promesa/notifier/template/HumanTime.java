package dev.promesa.notifier.template;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Times and durations as a person reads them, in Spanish or English: "jueves 26 de noviembre, 15:00 (hora de Madrid)",
 * "1 h 20 min". Pure functions; the caller picks the recipient's zone and language.
 */
public final class HumanTime {
    private static final DateTimeFormatter ES = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM, HH:mm",
            Locale.forLanguageTag("es"));
    private static final DateTimeFormatter ES_WITH_YEAR = DateTimeFormatter.ofPattern(
            "EEEE d 'de' MMMM 'de' yyyy, HH:mm",
            Locale.forLanguageTag("es"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EN_WITH_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.ENGLISH);

    private static final Map<String, String> SPANISH_CITIES = Map.ofEntries(
            Map.entry("Mexico City", "Ciudad de México"), Map.entry("New York", "Nueva York"),
            Map.entry("London", "Londres"), Map.entry("Bogota", "Bogotá"), Map.entry("Asuncion", "Asunción"),
            Map.entry("Lisbon", "Lisboa"), Map.entry("Brussels", "Bruselas"), Map.entry("Canary", "Canarias"),
            Map.entry("Havana", "La Habana"), Map.entry("Panama", "Panamá"), Map.entry("Sao Paulo", "São Paulo"));

    private HumanTime() {
    }

    /**
     * @param reference "now" for the reader: the year is shown only when {@code time} falls in another year
     */
    public static String dateTime(Instant time, Instant reference, ZoneId zone, String language) {
        boolean sameYear = reference == null
                || time.atZone(zone).getYear() == reference.atZone(zone).getYear();
        boolean spanish = "es".equals(language);
        DateTimeFormatter format = spanish ? (sameYear ? ES : ES_WITH_YEAR) : (sameYear ? EN : EN_WITH_YEAR);
        String place = place(zone, spanish);
        return format.format(time.atZone(zone)) + (spanish ? " (hora de " + place + ")" : " (" + place + " time)");
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

    /** Rounded down to the minute; the sign is ignored (callers say "late" or "left" in their own words). */
    public static String duration(Duration duration, String language) {
        boolean es = "es".equals(language);
        long minutes = duration.abs().toMinutes();
        if (minutes < 1) {
            return es ? "menos de un minuto" : "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            String d = days + (es ? (days == 1 ? " día" : " días") : (days == 1 ? " day" : " days"));
            return hours > 0 ? d + " " + hours + " h" : d;
        }
        if (hours > 0) {
            if (mins > 0) {
                return hours + " h " + mins + " min";
            }
            return hours + (es ? (hours == 1 ? " hora" : " horas") : (hours == 1 ? " hour" : " hours"));
        }
        return mins + (es ? (mins == 1 ? " minuto" : " minutos") : (mins == 1 ? " minute" : " minutes"));
    }
}
