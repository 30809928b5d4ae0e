package dev.promesa.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Named business calendars: {@code promesa.calendars.<name>.zone / working-days / opens / closes / holidays}. */
@ConfigMapping(prefix = "promesa.calendars")
public interface CalendarConfig {

    @WithParentName
    Map<String, Calendar> calendars();

    interface Calendar {
        @WithDefault("Europe/Madrid")
        ZoneId zone();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> workingDays();

        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("18:00")
        LocalTime closes();

        /** ISO dates (2026-12-25,2027-01-01) on which the desk is closed all day. */
        Optional<Set<LocalDate>> holidays();
    }
}
