package dev.promesa.followup.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Visibility;
import dev.promesa.recognition.promise.AgentMessage;
import dev.promesa.recognition.promise.PromiseRecognizer;

/** How a reply is handed to the recognizer: whose zone, whose working hours, whose language. */
class AgentMessagesTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    static final WorkingHoursCalendar CALENDAR = new WorkingHoursCalendar(MADRID,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), Set.of());
    static final Instant AT = Instant.parse("2026-12-07T14:00:00Z");

    @Test
    void theAgentsZoneWhenTheAuthorIsTheAssigneeElseTheRequestersElseTheCalendars() {
        Person agentInNewYork = new Person("a-1", "Ana", "ana@example.com", "en-US", NEW_YORK.getId());
        Person userInMexico = new Person("u-1", "Luis", "luis@example.com", "es-MX", MEXICO.getId());
        Person userWithoutZone = new Person("u-2", "Eva", null, null, null);

        assertThat(AgentMessages.zoneOf(reply("a-1"), ticket(userInMexico, agentInNewYork), MADRID))
                .isEqualTo(NEW_YORK);
        assertThat(AgentMessages.zoneOf(reply("a-2"), ticket(userInMexico, agentInNewYork), MADRID))
                .as("another agent wrote it: their zone is unknown").isEqualTo(MEXICO);
        assertThat(AgentMessages.zoneOf(reply("a-2"), ticket(userWithoutZone, null), MADRID)).isEqualTo(MADRID);
        assertThat(AgentMessages.zoneOf(reply("a-1"),
                ticket(userWithoutZone, new Person("a-1", "Ana", null, null, "Mars/Olympus")), MADRID))
                .as("a zone that does not exist is no zone").isEqualTo(MADRID);
    }

    @Test
    void theCalendarsHoursAreReadInThatZoneAndTheRequestersLocaleIsTheLanguage() {
        Person agentInNewYork = new Person("a-1", "Ana", "ana@example.com", "en-US", NEW_YORK.getId());
        Person userInMexico = new Person("u-1", "Luis", "luis@example.com", "es-MX", MEXICO.getId());
        AgentMessage message = AgentMessages.of(reply("a-1", "Le escribo mañana a primera hora."),
                ticket(userInMexico, agentInNewYork), CALENDAR);

        assertThat(message.occurredAt()).isEqualTo(AT.atZone(NEW_YORK));
        assertThat(message.localeHint()).isEqualTo("es-MX");
        assertThat(message.hours().opens()).isEqualTo(LocalTime.of(8, 0));
        // "a primera hora" is the calendar's opening time in New York: Tuesday 08:00 there
        assertThat(new PromiseRecognizer().recognize(message)).singleElement()
                .satisfies(p -> assertThat(p.dueAt()).isEqualTo(Instant.parse("2026-12-08T13:00:00Z")));
    }

    private static Interaction reply(String authorId) {
        return reply(authorId, "Le llamo mañana.");
    }

    private static Interaction reply(String authorId, String body) {
        return new Interaction("e-1", "T-1", AT, InteractionKind.AGENT_REPLY, Channel.EMAIL,
                new Author(authorId, AuthorRole.AGENT), Visibility.PUBLIC, body, null, List.of());
    }

    private static Alert.TicketContext ticket(Person requester, Person assignee) {
        return new Alert.TicketContext("VPN", Priority.P3, TicketStatus.OPEN, requester, assignee, "network");
    }
}
