package dev.promesa.followup.commitment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.duecheck.DueItem;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Promises written in an agent's reply, with no commitment field, through the real topic and database: tracked and
 * alerted like structured ones, vague ones only suggested, the structured field winning, a repeated promise not made
 * twice, and each source's {@code from-text} setting obeyed. The replies are dated next Monday afternoon in Madrid
 * (the requester's zone; the test assignee has none), so "mañana antes de las 10" is Tuesday 10:00 there.
 */
@QuarkusTest
class PromisesFromTextTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final String OPERATOR_KEY = "followup-operator-key";

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void aCallbackInTheAgentsWordsIsTrackedLikeAStructuredPromiseUntilTheNextReplyKeepsIt() {
        String ticketId = HelpdeskEvents.newTicketId();
        ZonedDateTime monday = nextMondayAt(15, 0);
        Instant tuesdayTen = monday.plusDays(1).with(LocalTime.of(10, 0)).toInstant();
        Interaction reply = HelpdeskEvents.agentReply(ticketId, monday.toInstant(), """
                Buenas tardes, Lucía:

                Ya he revisado la configuración de su equipo. Le llamo mañana antes de las 10 para probarlo juntos.

                Un saludo,
                Jorge Ruiz
                Soporte TI · Lunes a viernes de 9:00 a 18:00""", null);
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, monday.minusHours(1).toInstant(), Priority.P3,
                    TicketStatus.OPEN, "fast"));
            HelpdeskEvents.send(reply);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> commitments(HelpdeskEvents.SOURCE, ticketId).size() == 1);
            Map<String, Object> promise = commitments(HelpdeskEvents.SOURCE, ticketId).get(0);
            assertThat(promise).containsEntry("commitmentId", reply.eventId() + "~1")
                    .containsEntry("origin", "TEXT").containsEntry("kind", "CALLBACK")
                    .containsEntry("promisedTo", "USER").containsEntry("state", "OPEN")
                    .containsEntry("dueAt", tuesdayTen.toString())
                    .containsEntry("quote", "Le llamo mañana antes de las 10 para probarlo juntos.")
                    .containsEntry("madeByEventId", reply.eventId());
            assertThat(((Number) promise.get("confidence")).doubleValue()).isBetween(0.5, 1.0);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(ticketId) == 5);

            // forgotten: the same alerts as a structured promise, carrying the agent's sentence
            clock.advanceTo(tuesdayTen.plusSeconds(3));
            List<Alert> late = await().atMost(Duration.ofSeconds(20)).until(
                    () -> commitmentAlerts(alerts, ticketId),
                    list -> list.stream().anyMatch(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE_USER));
            Alert toUser = late.stream().filter(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE_USER).findFirst()
                    .orElseThrow();
            assertThat(toUser.dueAt()).isEqualTo(tuesdayTen);
            assertThat(toUser.commitment().origin()).isEqualTo(CommitmentOrigin.TEXT);
            assertThat(toUser.commitment().quote()).isEqualTo("Le llamo mañana antes de las 10 para probarlo juntos.");
            assertThat(toUser.commitment().description()).isEqualTo(toUser.commitment().quote());
        }

        // the next public reply keeps it, and its remaining alerts are withdrawn
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, tuesdayTen.plusSeconds(10),
                "Le he llamado y ya funciona.", null));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> "KEPT".equals(commitments(HelpdeskEvents.SOURCE, ticketId).get(0).get("state")));
        // the apology's next step (a promise of its own) is kept by the same reply
        assertThat(commitments(HelpdeskEvents.SOURCE, ticketId)).extracting(c -> c.get("origin"), c -> c.get("state"))
                .containsExactly(tuple("TEXT", "KEPT"), tuple("APOLOGY", "KEPT"));
        assertThat(pendingFor(ticketId)).isZero();
    }

    @Test
    void aVaguePromiseIsOnlySuggestedAndNeverAlerted() {
        String ticketId = HelpdeskEvents.newTicketId();
        ZonedDateTime monday = nextMondayAt(11, 0);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, monday.minusHours(1).toInstant(), Priority.P3,
                TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, monday.toInstant(),
                "Estamos revisando el servidor. Le escribo en breve con novedades.", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> commitments(HelpdeskEvents.SOURCE, ticketId).size() == 1);
        Map<String, Object> suggestion = commitments(HelpdeskEvents.SOURCE, ticketId).get(0);
        assertThat(suggestion).containsEntry("state", "SUGGESTED").containsEntry("origin", "TEXT")
                .containsEntry("kind", "UPDATE").containsEntry("quote", "Le escribo en breve con novedades.");
        assertThat(suggestion.get("dueAt")).isNull();
        assertThat(pendingFor(ticketId)).isZero();
    }

    @Test
    void theStructuredFieldWinsOverTheText() {
        String ticketId = HelpdeskEvents.newTicketId();
        ZonedDateTime monday = nextMondayAt(15, 0);
        Instant structuredDue = monday.plusHours(2).toInstant();
        Interaction reply = HelpdeskEvents.agentReply(ticketId, monday.toInstant(),
                "Le llamo mañana antes de las 10.", HelpdeskEvents.update(structuredDue));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, monday.minusHours(1).toInstant(), Priority.P3,
                TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(reply);

        await().atMost(Duration.ofSeconds(30)).until(() -> commitments(HelpdeskEvents.SOURCE, ticketId).size() == 1);
        assertThat(commitments(HelpdeskEvents.SOURCE, ticketId).get(0)).containsEntry("origin", "REQUEST")
                .containsEntry("commitmentId", reply.eventId()).containsEntry("dueAt", structuredDue.toString());
    }

    @Test
    void twoPromisesInOneReplyAreTwoAndSayingOneAgainDoesNotMakeAThird() {
        String ticketId = HelpdeskEvents.newTicketId();
        ZonedDateTime monday = nextMondayAt(15, 0);
        Interaction first = HelpdeskEvents.agentReply(ticketId, monday.toInstant(),
                "Le llamo mañana antes de las 10 y le escribo el jueves a primera hora con el informe.", null);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, monday.minusHours(1).toInstant(), Priority.P3,
                TicketStatus.OPEN, "fast"));
        HelpdeskEvents.send(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> commitments(HelpdeskEvents.SOURCE, ticketId).size() == 2);
        assertThat(commitments(HelpdeskEvents.SOURCE, ticketId))
                .extracting(c -> c.get("commitmentId"), c -> c.get("kind"), c -> c.get("dueAt"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first.eventId() + "~1", "CALLBACK",
                                monday.plusDays(1).with(LocalTime.of(10, 0)).toInstant().toString()),
                        org.assertj.core.groups.Tuple.tuple(first.eventId() + "~2", "UPDATE",
                                monday.plusDays(3).with(LocalTime.of(9, 0)).toInstant().toString()));

        // the call is promised again: it stays open and is not duplicated; the written update counts as kept
        Interaction again = HelpdeskEvents.agentReply(ticketId, monday.plusMinutes(30).toInstant(),
                "Como le dije, le llamo mañana antes de las 10.", null);
        HelpdeskEvents.send(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> commitments(HelpdeskEvents.SOURCE, ticketId).stream()
                .anyMatch(c -> "KEPT".equals(c.get("state"))));
        assertThat(commitments(HelpdeskEvents.SOURCE, ticketId))
                .extracting(c -> c.get("commitmentId"), c -> c.get("state"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first.eventId() + "~1", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple(first.eventId() + "~2", "KEPT"));
    }

    @Test
    void eachSourceReadsTextAsItsSettingSays() {
        String ticketId = HelpdeskEvents.newTicketId();
        ZonedDateTime monday = nextMondayAt(15, 0);
        for (String source : List.of("suggest-desk", "quiet-desk")) {
            HelpdeskEvents.send(source, HelpdeskEvents.ticket(ticketId, monday.minusHours(1).toInstant(),
                    Priority.P3, TicketStatus.OPEN, "fast"));
            HelpdeskEvents.send(source, HelpdeskEvents.agentReply(ticketId, monday.toInstant(),
                    "Le llamo mañana antes de las 10.", null));
        }
        // an internal note and a user's message are never read for promises
        HelpdeskEvents.send("suggest-desk", new Interaction(HelpdeskEvents.newEventId(), ticketId,
                monday.plusMinutes(1).toInstant(), InteractionKind.INTERNAL_NOTE, Channel.WEB,
                new Author(HelpdeskEvents.ASSIGNEE.id(), AuthorRole.AGENT), Visibility.INTERNAL,
                "Le escribo mañana antes de las 12.", null, List.of()));
        HelpdeskEvents.send("suggest-desk", new Interaction(HelpdeskEvents.newEventId(), ticketId,
                monday.plusMinutes(2).toInstant(), InteractionKind.USER_MESSAGE, Channel.EMAIL,
                new Author(HelpdeskEvents.REQUESTER.id(), AuthorRole.USER), Visibility.PUBLIC,
                "Le llamo mañana antes de las 11, si le parece.", null, List.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize("suggest-desk", ticketId) == 3
                && timelineSize("quiet-desk", ticketId) == 1);
        List<Map<String, Object>> suggested = commitments("suggest-desk", ticketId);
        assertThat(suggested).hasSize(1);
        assertThat(suggested.get(0)).containsEntry("state", "SUGGESTED").containsEntry("kind", "CALLBACK")
                .containsEntry("dueAt", monday.plusDays(1).with(LocalTime.of(10, 0)).toInstant().toString());
        assertThat(commitments("quiet-desk", ticketId)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> DueItem.count(
                "source in ?1 and ticketId = ?2 and commitmentId is not null", List.of("suggest-desk", "quiet-desk"),
                ticketId))).isZero();
    }

    /** Next Monday (never today) at this time in Madrid: a working day, in the service clock's future. */
    static ZonedDateTime nextMondayAt(int hour, int minute) {
        LocalDate monday = LocalDate.now(MADRID).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return ZonedDateTime.of(monday, LocalTime.of(hour, minute), MADRID);
    }

    static List<Map<String, Object>> commitments(String source, String ticketId) {
        JsonPath ticket = given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source)
                .get("/api/v1/tickets/{id}", ticketId).then().extract().jsonPath();
        List<Map<String, Object>> list = ticket.getList("commitments");
        return list == null ? List.of() : list;
    }

    static int timelineSize(String source, String ticketId) {
        List<Object> entries = given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source)
                .get("/api/v1/tickets/{id}/timeline", ticketId).then().extract().jsonPath().getList("$");
        return entries == null ? 0 : entries.size();
    }

    static long pendingFor(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.count(
                "source = ?1 and ticketId = ?2 and commitmentId is not null", HelpdeskEvents.SOURCE, ticketId));
    }

    private static List<Alert> commitmentAlerts(TopicTail alerts, String ticketId) {
        return HelpdeskEvents.alertsOf(alerts.received(), ticketId).stream().filter(a -> a.commitment() != null)
                .toList();
    }
}
