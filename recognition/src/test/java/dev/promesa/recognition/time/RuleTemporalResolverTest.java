package dev.promesa.recognition.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.promesa.recognition.text.Language;

class RuleTemporalResolverTest {

    /** Wednesday 2026-03-04 09:30, the corpus's default moment. */
    private static final LocalDateTime WEDNESDAY = LocalDateTime.of(2026, 3, 4, 9, 30);
    private static final LocalDateTime FRIDAY_AFTERNOON = LocalDateTime.of(2026, 3, 6, 16, 40);
    private static final LocalDateTime WEDNESDAY_EVENING = LocalDateTime.of(2026, 3, 4, 19, 15);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private final TemporalResolver resolver = new RuleTemporalResolver();

    private static final class Hours implements WorkingTime {
        private final Set<LocalDate> holidays;

        Hours(Set<LocalDate> holidays) {
            this.holidays = holidays;
        }

        @Override
        public Set<DayOfWeek> days() {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }

        @Override
        public LocalTime opens() {
            return LocalTime.of(9, 0);
        }

        @Override
        public LocalTime closes() {
            return LocalTime.of(18, 0);
        }

        @Override
        public Set<LocalDate> holidays() {
            return holidays;
        }
    }

    private String due(Language language, String clause, LocalDateTime at, ZoneId zone, WorkingTime hours) {
        Optional<DueTime> due = resolver.resolve(clause, language,
                ResolutionContext.at(at.atZone(zone), hours));
        if (due.isEmpty()) {
            return "none";
        }
        return due.get().vague() ? "vague" : due.get().at().withZoneSameInstant(zone).toLocalDateTime().toString();
    }

    private String es(String clause, LocalDateTime at) {
        return due(Language.ES, clause, at, MADRID, new Hours(Set.of()));
    }

    private String en(String clause, LocalDateTime at) {
        return due(Language.EN, clause, at, MADRID, new Hours(Set.of()));
    }

    @Test
    void relativeDurationsAreElapsedTime() {
        assertThat(es("le escribo en 2 horas", WEDNESDAY)).isEqualTo("2026-03-04T11:30");
        assertThat(es("en media hora te llamo", WEDNESDAY)).isEqualTo("2026-03-04T10:00");
        assertThat(es("dentro de una hora y media", WEDNESDAY)).isEqualTo("2026-03-04T11:00");
        assertThat(en("I'll call you back in 15 minutes", WEDNESDAY)).isEqualTo("2026-03-04T09:45");
        assertThat(en("within the hour", WEDNESDAY)).isEqualTo("2026-03-04T10:30");
        assertThat(en("in an hour", WEDNESDAY_EVENING)).isEqualTo("2026-03-04T20:15");
    }

    @Test
    void anHourWithoutAmOrPmIsReadByWorkingHours() {
        assertThat(es("antes de las 10", WEDNESDAY)).isEqualTo("2026-03-04T10:00");
        assertThat(es("a las 5", WEDNESDAY)).isEqualTo("2026-03-04T17:00");
        assertThat(es("a la una y media", WEDNESDAY)).isEqualTo("2026-03-04T13:30");
        assertThat(es("a las 9 de la noche", WEDNESDAY)).isEqualTo("2026-03-04T21:00");
        assertThat(en("by 3pm", WEDNESDAY)).isEqualTo("2026-03-04T15:00");
        assertThat(en("at 15:00", WEDNESDAY)).isEqualTo("2026-03-04T15:00");
        assertThat(en("at half past 2", WEDNESDAY)).isEqualTo("2026-03-04T14:30");
    }

    @Test
    void neitherReadingInsideWorkingHoursTakesTheEarlierStillAhead() {
        assertThat(es("a las 8", WEDNESDAY)).isEqualTo("2026-03-04T20:00");
    }

    @Test
    void aClockTimeAlreadyPastTodayMeansTheNextWorkingDay() {
        assertThat(es("a las 10", LocalDateTime.of(2026, 3, 4, 17, 20))).isEqualTo("2026-03-05T10:00");
        assertThat(en("at 10", FRIDAY_AFTERNOON)).isEqualTo("2026-03-09T10:00");
    }

    @Test
    void tomorrowIsTheNextWorkingDayAndAloneItsEnd() {
        assertThat(es("mañana", WEDNESDAY)).isEqualTo("2026-03-05T18:00");
        assertThat(es("manana antes de las 10", WEDNESDAY)).isEqualTo("2026-03-05T10:00");
        assertThat(es("mañana", FRIDAY_AFTERNOON)).isEqualTo("2026-03-09T18:00");
        assertThat(en("tomorrow", FRIDAY_AFTERNOON)).isEqualTo("2026-03-09T18:00");
        assertThat(es("pasado mañana", WEDNESDAY)).isEqualTo("2026-03-06T18:00");
        assertThat(en("the day after tomorrow", FRIDAY_AFTERNOON)).isEqualTo("2026-03-10T18:00");
    }

    @Test
    void holidaysAreSkipped() {
        WorkingTime withThursdayOff = new Hours(Set.of(LocalDate.of(2026, 3, 5)));
        assertThat(due(Language.ES, "mañana", WEDNESDAY, MADRID, withThursdayOff)).isEqualTo("2026-03-06T18:00");
    }

    @Test
    void firstThingIsTheStartOfWorkingHours() {
        assertThat(es("mañana a primera hora", WEDNESDAY)).isEqualTo("2026-03-05T09:00");
        assertThat(es("el viernes a primera hora", WEDNESDAY)).isEqualTo("2026-03-06T09:00");
        assertThat(en("first thing", WEDNESDAY)).isEqualTo("2026-03-05T09:00");
        assertThat(en("first thing", LocalDateTime.of(2026, 3, 4, 8, 10))).isEqualTo("2026-03-04T09:00");
        assertThat(en("first thing Monday", FRIDAY_AFTERNOON)).isEqualTo("2026-03-09T09:00");
    }

    @Test
    void endOfDayIsTheEndOfWorkingHoursOrOfTheNextWorkingDayOnceClosed() {
        assertThat(es("esta tarde", WEDNESDAY)).isEqualTo("2026-03-04T18:00");
        assertThat(es("antes de que acabe el día", WEDNESDAY)).isEqualTo("2026-03-04T18:00");
        assertThat(en("by EOD", WEDNESDAY)).isEqualTo("2026-03-04T18:00");
        assertThat(en("today", WEDNESDAY_EVENING)).isEqualTo("2026-03-05T18:00");
        assertThat(es("al final del día", WEDNESDAY_EVENING)).isEqualTo("2026-03-05T18:00");
        assertThat(en("this afternoon", FRIDAY_AFTERNOON)).isEqualTo("2026-03-06T18:00");
    }

    @Test
    void noonAndThisMorning() {
        assertThat(es("antes del mediodía", WEDNESDAY)).isEqualTo("2026-03-04T12:00");
        assertThat(en("this morning", WEDNESDAY)).isEqualTo("2026-03-04T12:00");
        assertThat(en("by noon", LocalDateTime.of(2026, 3, 4, 13, 0))).isEqualTo("2026-03-05T12:00");
        assertThat(es("mañana por la mañana", WEDNESDAY)).isEqualTo("2026-03-05T12:00");
    }

    @Test
    void weekdaysAreTheNextOneNeverTodayNorThePast() {
        assertThat(es("el viernes", WEDNESDAY)).isEqualTo("2026-03-06T18:00");
        assertThat(es("el miércoles", WEDNESDAY)).isEqualTo("2026-03-11T18:00");
        assertThat(es("el lunes a las 10", FRIDAY_AFTERNOON)).isEqualTo("2026-03-09T10:00");
        assertThat(en("next Tuesday at 10", WEDNESDAY)).isEqualTo("2026-03-10T10:00");
        assertThat(es("de lunes a viernes", WEDNESDAY)).isEqualTo("none");
    }

    @Test
    void datesAreThisMonthWhenAheadElseNextMonth() {
        assertThat(es("el 20", WEDNESDAY)).isEqualTo("2026-03-20T18:00");
        assertThat(es("el día 2", WEDNESDAY)).isEqualTo("2026-04-02T18:00");
        assertThat(en("on the 2nd", WEDNESDAY)).isEqualTo("2026-04-02T18:00");
        assertThat(en("on March 20 at 11", WEDNESDAY)).isEqualTo("2026-03-20T11:00");
        assertThat(es("el 20 de marzo", WEDNESDAY)).isEqualTo("2026-03-20T18:00");
    }

    @Test
    void theDueTimeIsReadInTheZoneGivenAcrossADaylightSavingChange() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Optional<DueTime> due = resolver.resolve("on Monday at 10", Language.EN,
                ResolutionContext.at(FRIDAY_AFTERNOON.atZone(newYork), new Hours(Set.of())));
        assertThat(due).isPresent();
        assertThat(due.get().at().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 9, 10, 0));
        assertThat(due.get().at().getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
        assertThat(due.get().at().toInstant().toString()).isEqualTo("2026-03-09T14:00:00Z");
    }

    @Test
    void aBareTimeOfDayFallsOnTheDayNamedBeforeItInTheSentence() {
        Optional<DueTime> due = resolver.resolve("y por la tarde le envío el informe", Language.ES,
                new ResolutionContext(FRIDAY_AFTERNOON.atZone(MADRID), new Hours(Set.of()), LocalDate.of(2026, 3, 9),
                        null));
        assertThat(due.map(d -> d.at().toLocalDateTime())).contains(LocalDateTime.of(2026, 3, 9, 18, 0));
    }

    @Test
    void vagueTimesHaveNoMoment() {
        assertThat(es("en breve", WEDNESDAY)).isEqualTo("vague");
        assertThat(es("lo antes posible", WEDNESDAY)).isEqualTo("vague");
        assertThat(en("shortly", WEDNESDAY)).isEqualTo("vague");
        assertThat(en("as soon as I hear back", WEDNESDAY)).isEqualTo("vague");
        assertThat(en("asap, tomorrow at the latest", WEDNESDAY)).isEqualTo("2026-03-05T18:00");
    }

    @Test
    void pastTimesAreNoDueTime() {
        assertThat(es("le llamé ayer a las 10", WEDNESDAY)).isEqualTo("none");
        assertThat(en("I sent it two hours ago", WEDNESDAY)).isEqualTo("none");
        assertThat(en("I'll call you tomorrow as I said yesterday", WEDNESDAY)).isEqualTo("2026-03-05T18:00");
        assertThat(es("le llamo", WEDNESDAY)).isEqualTo("none");
    }
}
