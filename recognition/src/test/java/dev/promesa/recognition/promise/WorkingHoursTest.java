package dev.promesa.recognition.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    @Test
    void mondayToFridayHasNoWeekendsAndHonoursHolidays() {
        WorkingHours hours = WorkingHours.mondayToFriday(LocalTime.of(8, 0), LocalTime.of(15, 0))
                .withHolidays(Set.of(LocalDate.of(2026, 3, 9)));
        assertThat(hours.isWorkingDay(LocalDate.of(2026, 3, 6))).isTrue();
        assertThat(hours.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(hours.nextWorkingDay(LocalDate.of(2026, 3, 6))).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(hours.isWithinHours(LocalTime.of(15, 0))).isTrue();
        assertThat(hours.isWithinHours(LocalTime.of(15, 1))).isFalse();
    }

    @Test
    void isImmutable() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(DayOfWeek.MONDAY));
        WorkingHours hours = new WorkingHours(days, LocalTime.of(9, 0), LocalTime.of(17, 0), null);
        days.add(DayOfWeek.TUESDAY);
        assertThat(hours.days()).containsExactly(DayOfWeek.MONDAY);
        assertThat(hours.holidays()).isEmpty();
    }

    @Test
    void refusesHoursThatCloseBeforeTheyOpenOrHaveNoDays() {
        assertThatThrownBy(() -> WorkingHours.mondayToFriday(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
