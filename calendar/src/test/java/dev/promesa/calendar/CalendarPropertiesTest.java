package dev.promesa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link BusinessCalendar} contract as jqwik properties over 2020–2030, which spans both of Mexico City's
 * daylight-saving eras and every Madrid switch. A failure prints the seed and the shrunk case.
 */
class CalendarPropertiesTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-12-31T00:00:00Z");
    private static final int TRIES = 2_000;

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Random random = new Random(7);
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            holidays.add(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(4_000)));
        }
        return Arbitraries.of(
                WorkingHoursCalendar.officeHours(ZoneId.of("Europe/Madrid")).withHolidays(holidays),
                WorkingHoursCalendar.officeHours(ZoneId.of("America/Mexico_City")),
                // open across the night's daylight-saving switch
                new WorkingHoursCalendar(ZoneId.of("Europe/Madrid"), EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(1, 0), LocalTime.of(5, 0), Set.of()),
                new WorkingHoursCalendar(ZoneId.of("America/Mexico_City"),
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(0, 30), LocalTime.of(23, 30),
                        holidays),
                BusinessCalendar.alwaysOpen());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> businessTimes() {
        return Arbitraries.longs().between(0, Duration.ofHours(100).toSeconds()).map(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<Duration> spans() {
        return Arbitraries.longs().between(0, Duration.ofDays(20).toSeconds()).map(Duration::ofSeconds);
    }

    @Property(tries = TRIES)
    void plusThenBetweenGivesBackTheDuration(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant a, @ForAll("businessTimes") Duration d) {
        Instant end = calendar.plus(a, d);
        assertThat(calendar.businessTimeBetween(a, end)).isEqualTo(d);
        if (!d.isZero()) {
            // the earliest such instant: one second less is not enough
            assertThat(calendar.businessTimeBetween(a, end.minusSeconds(1))).isLessThan(d);
        }
    }

    @Property(tries = TRIES)
    void plusOfTheTimeBetweenNeverOvershoots(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant a, @ForAll("spans") Duration span) {
        Instant b = a.plus(span);
        Duration between = calendar.businessTimeBetween(a, b);
        Instant back = calendar.plus(a, between);
        assertThat(back).isBeforeOrEqualTo(b);
        assertThat(calendar.businessTimeBetween(a, back)).isEqualTo(between);
    }

    @Property(tries = TRIES)
    void betweenIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll("spans") Duration first, @ForAll("spans") Duration second) {
        Instant b = a.plus(first);
        Instant c = b.plus(second);
        assertThat(calendar.businessTimeBetween(a, c))
                .isEqualTo(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)));
    }

    /** What a paused clock relies on: consuming d1, then d2 later, ends where consuming d1 + d2 at once ends. */
    @Property(tries = TRIES)
    void plusComposes(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll("businessTimes") Duration d1, @ForAll("businessTimes") Duration d2) {
        if (d2.isZero()) {
            return; // plus(x, 0) is x itself, which may lie in closed time: composition holds for d2 > 0
        }
        assertThat(calendar.plus(calendar.plus(a, d1), d2)).isEqualTo(calendar.plus(a, d1.plus(d2)));
    }

    /** Pausing never makes a clock due earlier, and a longer target is never due earlier. */
    @Property(tries = TRIES)
    void plusIsMonotonic(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll("businessTimes") Duration d, @ForAll("spans") Duration later) {
        assertThat(calendar.plus(a.plus(later), d)).isAfterOrEqualTo(calendar.plus(a, d));
        assertThat(calendar.plus(a, d.plusSeconds(1))).isAfter(calendar.plus(a, d));
    }

    /** The next open instant: never earlier, no open time is skipped on the way, and open time starts there. */
    @Property(tries = TRIES)
    void nextOpenIsTheStartOfTheNextOpenTime(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant a) {
        Instant open = calendar.nextOpen(a);
        assertThat(open).isAfterOrEqualTo(a);
        assertThat(calendar.businessTimeBetween(a, open)).isZero();
        assertThat(calendar.businessTimeBetween(open, open.plusNanos(1))).isEqualTo(Duration.ofNanos(1));
    }
}
