package dev.promesa.followup.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.scheduling.Schedule;

class CommitmentRulesTest {

    static final Instant MADE = Instant.parse("2026-11-23T10:00:00Z");
    final CommitmentRules rules = new CommitmentRules(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1));

    @Nested
    class Schedule_ {

        @Test
        void aPromiseToTheUserRaisesAllFiveAlertsInOrder() {
            Instant due = MADE.plus(Duration.ofHours(4));
            assertThat(rules.schedule(MADE, due, PromisedTo.USER, MADE)).containsExactly(
                    new Schedule(AlertKind.COMMITMENT_DUE_SOON, 0, due.minus(Duration.ofMinutes(15))),
                    new Schedule(AlertKind.COMMITMENT_OVERDUE, 0, due),
                    new Schedule(AlertKind.COMMITMENT_OVERDUE_USER, 0, due.plus(Duration.ofMinutes(30))),
                    new Schedule(AlertKind.ESCALATED, 1, due.plus(Duration.ofHours(1))),
                    new Schedule(AlertKind.ESCALATED, 2, due.plus(Duration.ofHours(2))));
        }

        @Test
        void delaysInWorkingHoursSkipTheNightAndTheWeekend() {
            // due Friday 27 Nov 2026 17:55 in Madrid (16:55 UTC), office hours 09-18: grace 30 min and escalation
            // 1 h counted in open time land on Monday morning, not on Friday evening
            BusinessCalendar office = WorkingHoursCalendar.officeHours(ZoneId.of("Europe/Madrid"));
            Instant due = Instant.parse("2026-11-27T16:55:00Z");
            List<Schedule> alerts = rules.schedule(due.minus(Duration.ofHours(2)), due, PromisedTo.USER,
                    due.minus(Duration.ofHours(2)), office);
            assertThat(alerts).contains(
                    new Schedule(AlertKind.COMMITMENT_OVERDUE, 0, due),
                    new Schedule(AlertKind.COMMITMENT_OVERDUE_USER, 0, Instant.parse("2026-11-30T08:25:00Z")),
                    new Schedule(AlertKind.ESCALATED, 1, Instant.parse("2026-11-30T08:55:00Z")),
                    new Schedule(AlertKind.ESCALATED, 2, Instant.parse("2026-11-30T09:55:00Z")));
        }

        @Test
        void aPromiseToTheTeamDoesNotTellTheUser() {
            Instant due = MADE.plus(Duration.ofHours(4));
            assertThat(rules.schedule(MADE, due, PromisedTo.TEAM, MADE)).extracting(Schedule::kind)
                    .doesNotContain(AlertKind.COMMITMENT_OVERDUE_USER)
                    .contains(AlertKind.COMMITMENT_DUE_SOON, AlertKind.COMMITMENT_OVERDUE, AlertKind.ESCALATED);
        }

        @Test
        void dueSoonLeadIsAQuarterOfAShortInterval() {
            // 20 minutes: 25% = 5 min, shorter than the 15-minute lead
            Instant due = MADE.plus(Duration.ofMinutes(20));
            Schedule dueSoon = rules.schedule(MADE, due, PromisedTo.USER, MADE).get(0);
            assertThat(dueSoon).isEqualTo(new Schedule(AlertKind.COMMITMENT_DUE_SOON, 0, due.minusSeconds(300)));
        }

        @Test
        void dueSoonIsLeftOutWhenItsTimeHasPassed() {
            Instant due = MADE.plus(Duration.ofHours(1));
            Instant now = due.minus(Duration.ofMinutes(5)); // processed late, DUE_SOON (due − 15 min) is past
            List<Schedule> alerts = rules.schedule(MADE, due, PromisedTo.USER, now);
            assertThat(alerts).extracting(Schedule::kind).doesNotContain(AlertKind.COMMITMENT_DUE_SOON);
            assertThat(alerts).hasSize(4);
        }

        @Test
        void aPromiseDueAtOnceHasNoDueSoon() {
            assertThat(rules.schedule(MADE, MADE, PromisedTo.USER, MADE)).extracting(Schedule::kind)
                    .doesNotContain(AlertKind.COMMITMENT_DUE_SOON);
        }

        @Test
        void laterAlertsStayEvenWhenPastBecauseTheyReportAFact() {
            Instant due = MADE.plus(Duration.ofHours(1));
            Instant muchLater = due.plus(Duration.ofHours(5));
            assertThat(rules.schedule(MADE, due, PromisedTo.USER, muchLater)).extracting(Schedule::kind)
                    .containsExactly(AlertKind.COMMITMENT_OVERDUE, AlertKind.COMMITMENT_OVERDUE_USER,
                            AlertKind.ESCALATED, AlertKind.ESCALATED);
        }
    }

    @Nested
    class Keeping {

        Commitment open(CommitmentKind kind) {
            Commitment c = new Commitment();
            c.id = "c-1";
            c.kind = kind;
            c.madeAt = MADE;
            c.madeByEventId = "e-promise";
            return c;
        }

        Interaction interaction(String eventId, InteractionKind kind, AuthorRole role, Visibility visibility,
                List<String> fulfils) {
            return new Interaction(eventId, "T-1", MADE.plusSeconds(60), kind, Channel.EMAIL,
                    new Author("a", role), visibility, "text", null, fulfils);
        }

        @Test
        void aLaterPublicAgentReplyKeepsUpdatesAndCallbacks() {
            Interaction reply = interaction("e-2", InteractionKind.AGENT_REPLY, AuthorRole.AGENT, Visibility.PUBLIC,
                    List.of());
            Interaction call = interaction("e-3", InteractionKind.CALL_SUMMARY, AuthorRole.AGENT, Visibility.PUBLIC,
                    List.of());
            assertThat(CommitmentRules.keeps(reply, open(CommitmentKind.UPDATE))).isTrue();
            assertThat(CommitmentRules.keeps(call, open(CommitmentKind.CALLBACK))).isTrue();
        }

        @Test
        void theInteractionThatMadeThePromiseDoesNotKeepIt() {
            Interaction same = interaction("e-promise", InteractionKind.AGENT_REPLY, AuthorRole.AGENT,
                    Visibility.PUBLIC, List.of());
            assertThat(CommitmentRules.keeps(same, open(CommitmentKind.UPDATE))).isFalse();
        }

        @Test
        void internalNotesAndUserMessagesKeepNothing() {
            Interaction note = interaction("e-2", InteractionKind.INTERNAL_NOTE, AuthorRole.AGENT,
                    Visibility.INTERNAL, List.of());
            Interaction internalReply = interaction("e-3", InteractionKind.AGENT_REPLY, AuthorRole.AGENT,
                    Visibility.INTERNAL, List.of());
            Interaction user = interaction("e-4", InteractionKind.USER_MESSAGE, AuthorRole.USER, Visibility.PUBLIC,
                    List.of());
            for (Interaction i : List.of(note, internalReply, user)) {
                assertThat(CommitmentRules.keeps(i, open(CommitmentKind.UPDATE))).as(i.kind().name()).isFalse();
            }
        }

        @Test
        void aNextStepIsKeptByAReplyReceivedAfterItEvenIfWrittenJustBefore() {
            Interaction reply = interaction("e-2", InteractionKind.AGENT_REPLY, AuthorRole.AGENT, Visibility.PUBLIC,
                    List.of());
            Commitment agents = open(CommitmentKind.UPDATE);
            agents.madeAt = reply.occurredAt().plusSeconds(2);
            Commitment nextStep = open(CommitmentKind.UPDATE);
            nextStep.madeAt = reply.occurredAt().plusSeconds(2);
            nextStep.origin = CommitmentOrigin.APOLOGY;
            assertThat(CommitmentRules.keeps(reply, agents)).isFalse();
            assertThat(CommitmentRules.keeps(reply, nextStep)).isTrue();
        }

        @Test
        void actionsAreKeptOnlyByAnExplicitFulfils() {
            Interaction reply = interaction("e-2", InteractionKind.AGENT_REPLY, AuthorRole.AGENT, Visibility.PUBLIC,
                    List.of());
            Interaction fulfils = interaction("e-3", InteractionKind.INTERNAL_NOTE, AuthorRole.AGENT,
                    Visibility.INTERNAL, List.of("c-1"));
            assertThat(CommitmentRules.keeps(reply, open(CommitmentKind.ACTION))).isFalse();
            assertThat(CommitmentRules.keeps(fulfils, open(CommitmentKind.ACTION))).isTrue();
        }
    }
}
