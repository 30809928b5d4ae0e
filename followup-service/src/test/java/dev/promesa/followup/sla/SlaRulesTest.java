package dev.promesa.followup.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.AlertKind;
import dev.promesa.followup.scheduling.Schedule;
import dev.promesa.followup.sla.SlaRules.Arming;

class SlaRulesTest {

    static final BusinessCalendar OFFICE = WorkingHoursCalendar.officeHours(ZoneId.of("Europe/Madrid"));
    /** Monday 23 Nov 2026, 10:00 in Madrid. */
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");
    final SlaRules rules = new SlaRules(75);

    @Test
    void aFreshClockWarnsAt75PercentAndBreachesAt100() {
        assertThat(rules.schedule(OFFICE, MONDAY_10, Duration.ZERO, Duration.ofHours(4), MONDAY_10, Arming.CATCH_UP))
                .containsExactly(
                        new Schedule(AlertKind.SLA_WARNING, 0, MONDAY_10.plus(Duration.ofHours(3))),
                        new Schedule(AlertKind.SLA_BREACHED, 0, MONDAY_10.plus(Duration.ofHours(4))));
    }

    @Test
    void aResumedClockCountsOnlyWhatIsLeft() {
        // 1 h used before the pause; resumed Monday 17:00 with 3 h left: warning after 2 h of open time
        Instant resumed = Instant.parse("2026-11-23T16:00:00Z");
        assertThat(rules.schedule(OFFICE, resumed, Duration.ofHours(1), Duration.ofHours(4), resumed, Arming.RESUME))
                .containsExactly(
                        new Schedule(AlertKind.SLA_WARNING, 0, Instant.parse("2026-11-24T09:00:00Z")),
                        new Schedule(AlertKind.SLA_BREACHED, 0, Instant.parse("2026-11-24T10:00:00Z")));
    }

    @Test
    void aResumedClockDoesNotRaiseAgainWhatPassedWhileItRanBefore() {
        assertThat(rules.schedule(OFFICE, MONDAY_10, Duration.ofHours(3), Duration.ofHours(4), MONDAY_10,
                Arming.RESUME)).extracting(Schedule::kind).containsExactly(AlertKind.SLA_BREACHED);
        assertThat(rules.schedule(OFFICE, MONDAY_10, Duration.ofHours(5), Duration.ofHours(4), MONDAY_10,
                Arming.RESUME)).isEmpty();
    }

    @Test
    void aClockStartedLateRaisesAtOnceTheWarningWhoseMomentHasPassed() {
        // created at 10:00, first seen at 13:30 with a 4 h target: the 75 % warning (13:00) fires at once
        Instant seen = MONDAY_10.plus(Duration.ofMinutes(210));
        assertThat(rules.schedule(OFFICE, MONDAY_10, Duration.ZERO, Duration.ofHours(4), seen, Arming.CATCH_UP))
                .containsExactly(new Schedule(AlertKind.SLA_WARNING, 0, seen),
                        new Schedule(AlertKind.SLA_BREACHED, 0, MONDAY_10.plus(Duration.ofHours(4))));
    }

    @Test
    void aTargetAlreadyMissedWhenArmedIsReportedAtOnceWithoutAWarning() {
        // a priority change to a 1 h target after 2 h of open time: the breach happened, and is raised now
        Instant retargeted = MONDAY_10.plus(Duration.ofHours(2));
        assertThat(rules.schedule(OFFICE, retargeted, Duration.ofHours(2), Duration.ofHours(1), retargeted,
                Arming.CATCH_UP)).containsExactly(new Schedule(AlertKind.SLA_BREACHED, 0, retargeted));
    }

    @Test
    void dueTimeIsTheCalendarSumOfWhatIsLeft() {
        assertThat(SlaRules.dueAt(OFFICE, MONDAY_10, Duration.ofHours(1), Duration.ofHours(9)))
                .isEqualTo(Instant.parse("2026-11-23T17:00:00Z")); // 8 h left: Monday 18:00, closing time
        assertThat(SlaRules.dueAt(OFFICE, MONDAY_10, Duration.ofHours(10), Duration.ofHours(9)))
                .isEqualTo(MONDAY_10);
    }

    @Test
    void warningPercentMustLieStrictlyBetweenZeroAndHundred() {
        assertThatThrownBy(() -> new SlaRules(100)).hasMessageContaining("promesa.sla.warning-percent");
    }

    @Test
    void businessDaysAreWorkingDaysOfTheCalendar() {
        assertThat(BusinessDurations.parse("3bd", Duration.ofHours(9), "k")).isEqualTo(Duration.ofHours(27));
        assertThat(BusinessDurations.parse("PT4H", Duration.ofHours(9), "k")).isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> BusinessDurations.parse("4 hours", Duration.ofHours(9), "promesa.x"))
                .hasMessageContaining("promesa.x").hasMessageContaining("PT4H");
    }
}
