package dev.promesa.followup.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.scheduling.AlertIds;
import dev.promesa.followup.scheduling.Schedule;

class NextStepRulesTest {

    static final BusinessCalendar MADRID_OFFICE = WorkingHoursCalendar.officeHours(ZoneId.of("Europe/Madrid"));
    final NextStepRules rules = new NextStepRules(Duration.ofHours(2));

    @Test
    void theNextStepIsTheWindowLaterWithinWorkingHours() {
        // Thursday 26 Nov 2026, 14:00 in Madrid (13:00 UTC): two open hours later is 16:00 the same day
        assertThat(rules.dueAt(Instant.parse("2026-11-26T13:00:00Z"), MADRID_OFFICE))
                .isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
    }

    @Test
    void anApologyLateOnFridayNamesMondayMorning() {
        // Friday 27 Nov 2026, 17:30 in Madrid: half an hour left today, an hour and a half on Monday from 09:00
        assertThat(rules.dueAt(Instant.parse("2026-11-27T16:30:00Z"), MADRID_OFFICE))
                .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    }

    @Test
    void anApologyAtNightNamesTheFirstWorkingHoursOfTheNextDay() {
        // Wednesday 25 Nov 2026, 23:10 in Madrid: 09:00 to 11:00 on Thursday
        assertThat(rules.dueAt(Instant.parse("2026-11-25T22:10:00Z"), MADRID_OFFICE))
                .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void aTwentyFourSevenTicketCountsElapsedTime() {
        Instant told = Instant.parse("2026-11-28T02:15:00Z"); // a Saturday night
        assertThat(rules.dueAt(told, BusinessCalendar.alwaysOpen())).isEqualTo(told.plus(Duration.ofHours(2)));
    }

    @Test
    void theIdIsDerivedFromTheLatePromiseAndTheRound() {
        assertThat(NextStepRules.nextStepId("C-1", 1, 0)).isEqualTo("C-1~next1");
        assertThat(NextStepRules.nextStepId("C-1", 3, 0)).as("a rescheduled promise's own apology")
                .isEqualTo("C-1~r3~next1");
        assertThat(NextStepRules.nextStepId("C-1~next1", 1, 1)).isEqualTo("C-1~next2");
        assertThat(NextStepRules.nextStepId("C-1~r3~next1", 2, 1)).isEqualTo("C-1~r3~next2");
        assertThat(NextStepRules.nextStepId("e-9~1", 1, 0)).as("a promise in the agent's words")
                .isEqualTo("e-9~1~next1");
    }

    @Test
    void theLatePromisesRevisionIsReadFromItsApologysAlertId() {
        assertThat(AlertIds.revisionOf(AlertIds.commitment("desk", "C-1", 3, AlertKind.COMMITMENT_OVERDUE_USER, 0)))
                .isEqualTo(3);
        assertThat(AlertIds.revisionOf(AlertIds.commitment("desk", "odd:r9:id", 2,
                AlertKind.COMMITMENT_OVERDUE_USER, 0))).as("a promise id with colons").isEqualTo(2);
        assertThat(AlertIds.revisionOf("not-one-of-ours")).isEqualTo(1);
    }

    @Test
    void onlyTheLastRoundIsNotApologisedFor() {
        assertThat(NextStepRules.apologises(0)).isTrue();
        assertThat(NextStepRules.apologises(1)).isTrue();
        assertThat(NextStepRules.apologises(NextStepRules.LAST_ROUND)).isFalse();
    }

    @Test
    void aMissedNextStepEscalatesAtOnceAndTheLastOneRaisesNoThirdApology() {
        CommitmentRules commitments = new CommitmentRules(Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(1));
        Instant told = Instant.parse("2026-11-26T13:00:00Z");
        Instant due = told.plus(Duration.ofHours(2));
        assertThat(commitments.schedule(told, due, PromisedTo.USER, 1, told, BusinessCalendar.alwaysOpen()))
                .containsExactly(
                        new Schedule(AlertKind.COMMITMENT_DUE_SOON, 0, due.minus(Duration.ofMinutes(15))),
                        new Schedule(AlertKind.COMMITMENT_OVERDUE, 0, due),
                        new Schedule(AlertKind.COMMITMENT_OVERDUE_USER, 0, due.plus(Duration.ofMinutes(30))),
                        new Schedule(AlertKind.ESCALATED, 1, due),
                        new Schedule(AlertKind.ESCALATED, 2, due));
        assertThat(commitments.schedule(told, due, PromisedTo.USER, 2, told, BusinessCalendar.alwaysOpen()))
                .containsExactly(
                        new Schedule(AlertKind.COMMITMENT_DUE_SOON, 0, due.minus(Duration.ofMinutes(15))),
                        new Schedule(AlertKind.COMMITMENT_OVERDUE, 0, due),
                        new Schedule(AlertKind.ESCALATED, 1, due),
                        new Schedule(AlertKind.ESCALATED, 2, due));
    }

    @Test
    void aPromiseClosedBeforeItsFirstAlertTimeCannotHaveAlerted() {
        CommitmentRules commitments = new CommitmentRules(Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(1));
        Instant made = Instant.parse("2026-11-26T13:00:00Z");
        assertThat(commitments.firstAlertAt(made, made.plus(Duration.ofHours(4))))
                .isEqualTo(made.plus(Duration.ofHours(4)).minus(Duration.ofMinutes(15)));
        // 25 % of a 20-minute interval is shorter than the lead
        assertThat(commitments.firstAlertAt(made, made.plus(Duration.ofMinutes(20))))
                .isEqualTo(made.plus(Duration.ofMinutes(15)));
    }
}
