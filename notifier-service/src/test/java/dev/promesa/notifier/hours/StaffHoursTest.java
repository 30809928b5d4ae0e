package dev.promesa.notifier.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Priority;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.recipient.Audience;

/** The example day of docs/notifier-service.md and the rules around it, as plain arithmetic. */
class StaffHoursTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Friday 4 December 2026, 20:00 in Madrid. */
    static final Instant FRIDAY_EVENING = madrid("2026-12-04T20:00");
    static final StaffHours.Hours POLICY = new StaffHours.Hours(WorkingHoursCalendar.officeHours(MADRID),
            "policy calendar default");
    static final StaffHours.Rule DEFAULT_RULE = StaffHours.Rule.of(true, "P1", 2, "promesa.notifications.staff-hours");

    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    static Alert escalation(int level, Priority priority) {
        Alert a = TestAlerts.alert(AlertKind.ESCALATED).level(level).build();
        Alert.TicketContext t = a.ticket();
        return new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), a.source(), FRIDAY_EVENING, a.dueAt(),
                a.late(), new Alert.TicketContext(t.subject(), priority, t.status(), t.requester(), t.assignee(),
                        t.team()),
                a.commitment(), a.sla(), a.nextStep());
    }

    static Optional<Instant> notBefore(Alert alert, Audience audience, StaffHours.Hours hours) {
        return StaffHours.notBefore(alert, audience, FRIDAY_EVENING, DEFAULT_RULE, hours.calendar());
    }

    @Test
    void aFridayEveningEscalationReachesAMadridLeadAtNineOnMonday() {
        StaffHours.Hours lead = StaffHours.hoursOf(Audience.LEAD, Optional.of(MADRID), Optional.empty(), POLICY);
        assertThat(notBefore(escalation(1, Priority.P2), Audience.LEAD, lead))
                .contains(madrid("2026-12-07T09:00"));
    }

    @Test
    void aP1AtTheSameMomentGoesAtOnce() {
        StaffHours.Hours lead = StaffHours.hoursOf(Audience.LEAD, Optional.of(MADRID), Optional.empty(), POLICY);
        assertThat(notBefore(escalation(1, Priority.P1), Audience.LEAD, lead)).isEmpty();
    }

    @Test
    void theManagersEscalationGoesAtOnceByDefault() {
        assertThat(notBefore(escalation(2, Priority.P3), Audience.MANAGER, POLICY)).isEmpty();
        StaffHours.Rule noExemptions = StaffHours.Rule.of(true, "none", 0, "k");
        assertThat(StaffHours.notBefore(escalation(2, Priority.P1), Audience.MANAGER, FRIDAY_EVENING, noExemptions,
                POLICY.calendar())).contains(madrid("2026-12-07T09:00"));
    }

    @Test
    void usersAreNeverHeldAndARuleThatIsOffHoldsNothing() {
        Alert user = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).build();
        assertThat(StaffHours.notBefore(user, Audience.USER, FRIDAY_EVENING, DEFAULT_RULE, POLICY.calendar()))
                .isEmpty();
        assertThat(StaffHours.notBefore(escalation(1, Priority.P3), Audience.LEAD, FRIDAY_EVENING,
                StaffHours.Rule.of(false, "P1", 2, "k"), POLICY.calendar())).isEmpty();
    }

    @Test
    void withinWorkingHoursNothingWaits() {
        Alert alert = escalation(1, Priority.P3);
        assertThat(StaffHours.notBefore(alert, Audience.LEAD, madrid("2026-12-04T10:00"), DEFAULT_RULE,
                POLICY.calendar())).isEmpty();
    }

    @Test
    void anAgentKnownByZoneGetsThePolicyHoursOnTheirOwnWallClock() {
        StaffHours.Hours agent = StaffHours.hoursOf(Audience.AGENT, Optional.of(NEW_YORK), Optional.empty(), POLICY);
        assertThat(agent.calendar().zone()).isEqualTo(NEW_YORK);
        assertThat(agent.calendar().opens()).isEqualTo(LocalTime.of(9, 0));
        // Friday 20:00 in Madrid is 14:00 in New York: at work
        Alert dueSoon = TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).build();
        assertThat(StaffHours.notBefore(dueSoon, Audience.AGENT, FRIDAY_EVENING, DEFAULT_RULE, agent.calendar()))
                .isEmpty();
        // Saturday 02:00 in Madrid (Friday 20:00 in New York): Monday 09:00 New York time
        assertThat(StaffHours.notBefore(dueSoon, Audience.AGENT, madrid("2026-12-05T02:00"), DEFAULT_RULE,
                agent.calendar())).contains(LocalDateTime.parse("2026-12-07T09:00").atZone(NEW_YORK).toInstant());
    }

    @Test
    void whoseHoursCount() {
        StaffHours.Hours team = new StaffHours.Hours(new WorkingHoursCalendar(MADRID, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(7, 0), LocalTime.of(23, 0), Set.of()), "team calendar night");
        // an agent: own zone, else the team's calendar, else the policy's
        assertThat(StaffHours.hoursOf(Audience.AGENT, Optional.of(NEW_YORK), Optional.of(team), POLICY).from())
                .isEqualTo("policy calendar default in own zone America/New_York");
        assertThat(StaffHours.hoursOf(Audience.AGENT, Optional.empty(), Optional.of(team), POLICY)).isEqualTo(team);
        assertThat(StaffHours.hoursOf(Audience.AGENT, Optional.empty(), Optional.empty(), POLICY)).isEqualTo(POLICY);
        // a lead or manager: the team's calendar, else the team's zone, else the policy's
        assertThat(StaffHours.hoursOf(Audience.LEAD, Optional.of(NEW_YORK), Optional.of(team), POLICY))
                .isEqualTo(team);
        assertThat(StaffHours.hoursOf(Audience.MANAGER, Optional.of(NEW_YORK), Optional.empty(), POLICY).from())
                .isEqualTo("policy calendar default in team zone America/New_York");
        assertThat(StaffHours.hoursOf(Audience.LEAD, Optional.empty(), Optional.empty(), POLICY)).isEqualTo(POLICY);
        // a team working every day until 23:00 gets the Friday-evening escalation at once
        assertThat(notBefore(escalation(1, Priority.P3), Audience.LEAD, team)).isEmpty();
    }

    @Test
    void exemptPrioritiesAreAListOrNone() {
        assertThat(StaffHours.Rule.of(true, "p1, P2", 2, "k").exemptPriorities())
                .containsExactlyInAnyOrder(Priority.P1, Priority.P2);
        assertThat(StaffHours.Rule.of(true, "none", 2, "k").exemptPriorities()).isEmpty();
        assertThatThrownBy(() -> StaffHours.Rule.of(true, "P1,urgent", 2, "promesa.sources.acme.staff-hours"))
                .hasMessageContaining("promesa.sources.acme.staff-hours.exempt-priorities is 'P1,urgent'");
    }
}
