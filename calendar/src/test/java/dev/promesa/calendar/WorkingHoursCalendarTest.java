package dev.promesa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursCalendarTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    /** Mon–Fri 09:00–18:00 in Madrid, Christmas Day 2026 (a Friday) closed. */
    static final WorkingHoursCalendar OFFICE = WorkingHoursCalendar.officeHours(MADRID)
            .withHolidays(Set.of(LocalDate.of(2026, 12, 25)));

    /** Open every day 01:00–05:00: a window that contains the night's daylight-saving switch. */
    static WorkingHoursCalendar nightShift(ZoneId zone) {
        return new WorkingHoursCalendar(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(5, 0),
                Set.of());
    }

    static Instant madrid(String localDateTime) {
        return at(MADRID, localDateTime);
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Nested
    class Plus {

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource({
                // within one day
                "2026-11-23T10:00, PT2H, 2026-11-23T12:00",
                // exactly to closing time: lands on 18:00, not on the next morning
                "2026-11-23T16:00, PT2H, 2026-11-23T18:00",
                // across the night
                "2026-11-23T17:00, PT2H, 2026-11-24T10:00",
                // starting before opening or after closing
                "2026-11-23T07:00, PT1H, 2026-11-23T10:00",
                "2026-11-23T20:00, PT1H, 2026-11-24T10:00",
                // across the weekend, and from inside it
                "2026-11-27T17:00, PT2H, 2026-11-30T10:00",
                "2026-11-28T12:00, PT30M, 2026-11-30T09:30",
                // a holiday (Fri 25 Dec) is skipped like a weekend day
                "2026-12-24T17:00, PT2H, 2026-12-28T10:00",
                // one business day = 9 h: the same time on the next working day
                "2026-11-23T11:00, PT9H, 2026-11-24T11:00",
                // three business days over a weekend
                "2026-11-26T15:00, PT27H, 2026-12-01T15:00",
                // across the spring-forward weekend (Sun 29 Mar 2026): still Monday 10:00 local
                "2026-03-27T17:00, PT2H, 2026-03-30T10:00",
                // across the fall-back weekend (Sun 25 Oct 2026)
                "2026-10-23T17:00, PT2H, 2026-10-26T10:00"})
        void countsOnlyOpenTime(String start, Duration businessTime, String expected) {
            assertThat(OFFICE.plus(madrid(start), businessTime)).isEqualTo(madrid(expected));
        }

        @Test
        void zeroIsTheStartItselfEvenWhenClosed() {
            Instant saturday = madrid("2026-11-28T12:00");
            assertThat(OFFICE.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void negativeBusinessTimeIsRejected() {
            assertThatThrownBy(() -> OFFICE.plus(Instant.EPOCH, Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aWindowContainingSpringForwardIsAnHourShorter() {
            WorkingHoursCalendar night = nightShift(MADRID);
            // 29 Mar 2026: 01:00 CET → 05:00 CEST is 3 real hours
            Instant open = madrid("2026-03-29T01:00");
            assertThat(night.plus(open, Duration.ofHours(3))).isEqualTo(madrid("2026-03-29T05:00"));
            assertThat(night.plus(open, Duration.ofHours(4))).isEqualTo(madrid("2026-03-30T02:00"));
        }

        @Test
        void aWindowContainingFallBackIsAnHourLonger() {
            WorkingHoursCalendar night = nightShift(MADRID);
            // 25 Oct 2026: 01:00 CEST → 05:00 CET is 5 real hours
            Instant open = madrid("2026-10-25T01:00");
            assertThat(night.plus(open, Duration.ofHours(5))).isEqualTo(madrid("2026-10-25T05:00"));
        }

        @Test
        void anOpeningTimeInTheSpringForwardGapMovesToTheFirstValidInstant() {
            WorkingHoursCalendar opensInGap = new WorkingHoursCalendar(MADRID, EnumSet.allOf(DayOfWeek.class),
                    LocalTime.of(2, 30), LocalTime.of(6, 0), Set.of());
            // 02:30 does not exist on 29 Mar 2026; the window opens at 03:30 CEST (01:30Z)
            assertThat(opensInGap.plus(madrid("2026-03-29T00:00"), Duration.ofMinutes(1)))
                    .isEqualTo(Instant.parse("2026-03-29T01:31:00Z"));
        }
    }

    @Nested
    class Between {

        @ParameterizedTest(name = "{0} → {1} = {2}")
        @CsvSource({
                "2026-11-23T10:00, 2026-11-23T12:30, PT2H30M",
                "2026-11-23T17:00, 2026-11-24T10:00, PT2H",
                "2026-11-27T17:00, 2026-11-30T10:00, PT2H",
                // a whole closed stretch counts nothing
                "2026-11-28T00:00, 2026-11-29T23:59, PT0S",
                "2026-11-23T18:00, 2026-11-24T09:00, PT0S",
                // a week is five working days
                "2026-11-23T00:00, 2026-11-30T00:00, PT45H",
                // Christmas week: four working days
                "2026-12-21T00:00, 2026-12-28T00:00, PT36H",
                // spring-forward and fall-back weekends change nothing for office hours
                "2026-03-27T17:00, 2026-03-30T10:00, PT2H",
                "2026-10-23T17:00, 2026-10-26T10:00, PT2H"})
        void countsOnlyOpenTime(String a, String b, Duration expected) {
            assertThat(OFFICE.businessTimeBetween(madrid(a), madrid(b))).isEqualTo(expected);
        }

        @Test
        void isZeroWhenTheEndIsNotAfterTheStart() {
            Instant a = madrid("2026-11-23T12:00");
            assertThat(OFFICE.businessTimeBetween(a, a)).isZero();
            assertThat(OFFICE.businessTimeBetween(a, a.minusSeconds(3600))).isZero();
        }

        @Test
        void daylightSavingNightsInMadrid() {
            WorkingHoursCalendar night = nightShift(MADRID);
            assertThat(night.businessTimeBetween(madrid("2026-03-29T00:00"), madrid("2026-03-29T12:00")))
                    .isEqualTo(Duration.ofHours(3));
            assertThat(night.businessTimeBetween(madrid("2026-10-25T00:00"), madrid("2026-10-25T12:00")))
                    .isEqualTo(Duration.ofHours(5));
            assertThat(night.businessTimeBetween(madrid("2026-06-14T00:00"), madrid("2026-06-14T12:00")))
                    .isEqualTo(Duration.ofHours(4));
        }
    }

    /** Mexico observed DST until October 2022 and has not since: both eras must resolve through the zone rules. */
    @Nested
    class MexicoCity {

        final WorkingHoursCalendar office = WorkingHoursCalendar.officeHours(MEXICO);

        @Test
        void summerOfficeHoursWereUtcMinus5WithDaylightSaving() {
            // Mon 5 Jul 2021, CDT: 09:00 local = 14:00Z
            Instant friday = Instant.parse("2021-07-02T22:30:00Z"); // Fri 17:30 CDT
            assertThat(office.plus(friday, Duration.ofHours(1))).isEqualTo(Instant.parse("2021-07-05T14:30:00Z"));
        }

        @Test
        void summerOfficeHoursAreUtcMinus6SinceDaylightSavingEnded() {
            // Mon 3 Jul 2023, CST all year: 09:00 local = 15:00Z
            Instant friday = Instant.parse("2023-06-30T23:30:00Z"); // Fri 17:30 CST
            assertThat(office.plus(friday, Duration.ofHours(1))).isEqualTo(Instant.parse("2023-07-03T15:30:00Z"));
        }

        @Test
        void theLastSpringForwardShortenedItsNight() {
            WorkingHoursCalendar night = nightShift(MEXICO);
            // Sun 3 Apr 2022: 02:00 → 03:00; the 01:00–05:00 window had 3 real hours
            assertThat(night.businessTimeBetween(at(MEXICO, "2022-04-03T00:00"), at(MEXICO, "2022-04-03T12:00")))
                    .isEqualTo(Duration.ofHours(3));
            // the same Sunday a year later had no switch
            assertThat(night.businessTimeBetween(at(MEXICO, "2023-04-02T00:00"), at(MEXICO, "2023-04-02T12:00")))
                    .isEqualTo(Duration.ofHours(4));
        }

        @Test
        void theLastFallBackLengthenedItsNight() {
            WorkingHoursCalendar night = nightShift(MEXICO);
            // Sun 30 Oct 2022: 02:00 → 01:00, the end of daylight saving for good
            assertThat(night.businessTimeBetween(at(MEXICO, "2022-10-30T00:00"), at(MEXICO, "2022-10-30T12:00")))
                    .isEqualTo(Duration.ofHours(5));
            assertThat(night.businessTimeBetween(at(MEXICO, "2023-10-29T00:00"), at(MEXICO, "2023-10-29T12:00")))
                    .isEqualTo(Duration.ofHours(4));
        }
    }

    @Test
    void alwaysOpenCountsRealHoursAcrossDaylightSaving() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        // 01:00 CET + 4 h on the spring-forward night = 06:00 CEST
        assertThat(always.plus(madrid("2026-03-29T01:00"), Duration.ofHours(4))).isEqualTo(madrid("2026-03-29T06:00"));
        assertThat(always.businessTimeBetween(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(always.workingDay()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aWorkingDayIsTheOpeningHours() {
        assertThat(OFFICE.workingDay()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void rejectsCalendarsWithoutOpenTime() {
        assertThatThrownBy(() -> new WorkingHoursCalendar(MADRID, EnumSet.noneOf(DayOfWeek.class),
                LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of())).hasMessageContaining("working day");
        assertThatThrownBy(() -> new WorkingHoursCalendar(MADRID, EnumSet.of(DayOfWeek.MONDAY),
                LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of())).hasMessageContaining("before closing");
    }

    @Nested
    class NextOpen {
        @Test
        void anOpenInstantIsItself() {
            assertThat(OFFICE.nextOpen(madrid("2026-12-04T10:30"))).isEqualTo(madrid("2026-12-04T10:30"));
            assertThat(OFFICE.nextOpen(madrid("2026-12-04T09:00"))).isEqualTo(madrid("2026-12-04T09:00"));
        }

        @Test
        void closedTimeWaitsForTheNextOpening() {
            // Friday 20:00 → Monday 09:00; closing time itself is closed
            assertThat(OFFICE.nextOpen(madrid("2026-12-04T20:00"))).isEqualTo(madrid("2026-12-07T09:00"));
            assertThat(OFFICE.nextOpen(madrid("2026-12-04T18:00"))).isEqualTo(madrid("2026-12-07T09:00"));
            assertThat(OFFICE.nextOpen(madrid("2026-12-07T06:59"))).isEqualTo(madrid("2026-12-07T09:00"));
            // Thursday 24 December after hours: Christmas Day is a holiday, then the weekend
            assertThat(OFFICE.nextOpen(madrid("2026-12-24T19:00"))).isEqualTo(madrid("2026-12-28T09:00"));
        }

        @Test
        void alwaysOpenNeverWaits() {
            assertThat(BusinessCalendar.alwaysOpen().nextOpen(madrid("2026-12-05T03:00")))
                    .isEqualTo(madrid("2026-12-05T03:00"));
        }

        @Test
        void inZoneKeepsTheHoursOnTheOtherWallClock() {
            WorkingHoursCalendar mexico = OFFICE.inZone(MEXICO);
            assertThat(mexico.zone()).isEqualTo(MEXICO);
            assertThat(mexico.opens()).isEqualTo(LocalTime.of(9, 0));
            assertThat(mexico.holidays()).isEqualTo(OFFICE.holidays());
            // Friday 20:00 in Madrid is 13:00 in Mexico City: open there
            assertThat(mexico.nextOpen(madrid("2026-12-04T20:00"))).isEqualTo(madrid("2026-12-04T20:00"));
            assertThat(mexico.nextOpen(madrid("2026-12-05T02:00")))
                    .isEqualTo(at(MEXICO, "2026-12-07T09:00"));
        }
    }
}
