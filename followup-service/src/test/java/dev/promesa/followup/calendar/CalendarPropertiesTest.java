package dev.promesa.followup.calendar;

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
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link BusinessCalendar} contract checked on thousands of random cases (fixed seed, so a failure is
 * reproducible) over 2020–2030, which spans both of Mexico City's daylight-saving eras and Madrid's switches.
 * jqwik 1.9 does not run on JUnit 6, hence plain seeded loops.
 */
class CalendarPropertiesTest {

    private static final int CASES = 3_000;
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(365L * 10).toSeconds();

    static Stream<BusinessCalendar> calendars() {
        Random random = new Random(7);
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            holidays.add(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_650)));
        }
        return Stream.of(
                WorkingHoursCalendar.officeHours(ZoneId.of("Europe/Madrid")).withHolidays(holidays),
                WorkingHoursCalendar.officeHours(ZoneId.of("America/Mexico_City")),
                new WorkingHoursCalendar(ZoneId.of("Europe/Madrid"), EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(1, 0), LocalTime.of(5, 0), Set.of()),
                new WorkingHoursCalendar(ZoneId.of("America/Mexico_City"),
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(0, 30), LocalTime.of(23, 30),
                        holidays),
                BusinessCalendar.alwaysOpen());
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void plusThenBetweenGivesBackTheDuration(BusinessCalendar calendar) {
        Random random = new Random(42);
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant(random);
            Duration d = Duration.ofSeconds(random.nextInt((int) Duration.ofHours(100).toSeconds()));
            Instant end = calendar.plus(a, d);
            assertThat(calendar.businessTimeBetween(a, end)).as("%s + %s = %s", a, d, end).isEqualTo(d);
            if (!d.isZero()) {
                // the earliest such instant: one second less is not enough
                assertThat(calendar.businessTimeBetween(a, end.minusSeconds(1))).isLessThan(d);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void plusOfTheTimeBetweenNeverOvershoots(BusinessCalendar calendar) {
        Random random = new Random(43);
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant(random);
            Instant b = a.plusSeconds(random.nextInt((int) Duration.ofDays(20).toSeconds()));
            Duration between = calendar.businessTimeBetween(a, b);
            Instant back = calendar.plus(a, between);
            assertThat(back).as("%s → %s", a, b).isBeforeOrEqualTo(b);
            assertThat(calendar.businessTimeBetween(a, back)).isEqualTo(between);
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void betweenIsAdditive(BusinessCalendar calendar) {
        Random random = new Random(44);
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant(random);
            Instant b = a.plusSeconds(random.nextInt((int) Duration.ofDays(10).toSeconds()));
            Instant c = b.plusSeconds(random.nextInt((int) Duration.ofDays(10).toSeconds()));
            assertThat(calendar.businessTimeBetween(a, c))
                    .isEqualTo(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)));
        }
    }

    /** What a paused clock relies on: consuming d1, then d2 later, ends where consuming d1 + d2 at once ends. */
    @ParameterizedTest
    @MethodSource("calendars")
    void plusComposes(BusinessCalendar calendar) {
        Random random = new Random(45);
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant(random);
            Duration d1 = Duration.ofSeconds(random.nextInt((int) Duration.ofHours(50).toSeconds()));
            Duration d2 = Duration.ofSeconds(1 + random.nextInt((int) Duration.ofHours(50).toSeconds()));
            assertThat(calendar.plus(calendar.plus(a, d1), d2)).isEqualTo(calendar.plus(a, d1.plus(d2)));
        }
    }

    private static Instant randomInstant(Random random) {
        return FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
    }
}
