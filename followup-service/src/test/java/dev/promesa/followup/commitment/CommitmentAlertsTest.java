package dev.promesa.followup.commitment;

import static dev.promesa.followup.HelpdeskEvents.alertsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.duecheck.DueItem;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * A promise's whole life on the real topic, with the test profile's short durations (lead 2 s, grace 3 s, escalation
 * 4 s). The ticket uses a policy whose SLA targets are an hour away, so only commitment alerts can arrive here. Time
 * is moved on with the service's clock ({@link TestClock}) instead of waited for.
 */
@QuarkusTest
class CommitmentAlertsTest {

    static final String POLICY = "fast";

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void anUnkeptPromiseRaisesEachAlertInOrderNotBeforeItsTime() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now,
                "Estoy revisando el túnel VPN; le escribo antes de las 10:00 con lo que encuentre.",
                HelpdeskEvents.update(due));
        // the 2 s lead is shorter than 25% of the 60 s interval
        List<Instant> scheduled = List.of(due.minusSeconds(2), due, due.plusSeconds(3), due.plusSeconds(4),
                due.plusSeconds(8));
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P2, TicketStatus.OPEN,
                    POLICY));
            HelpdeskEvents.send(promise);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(ticketId) == 5);

            List<ConsumerRecord<String, String>> records = List.of();
            for (int i = 0; i < scheduled.size(); i++) {
                clock.advanceTo(scheduled.get(i));
                int expected = i + 1;
                records = await().atMost(Duration.ofSeconds(20)).until(
                        () -> alerts.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key()))
                                .toList(),
                        r -> r.size() >= expected);
                // not before its time: once the round's commit removed it, the later alerts are still pending
                int remaining = scheduled.size() - expected;
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> pendingOf(ticketId, promise.eventId()) == remaining);
                assertThat(alerts.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key())))
                        .as("alerts published when the clock reached alert %d", expected).hasSize(expected);
            }

            List<Alert> received = alertsOf(records, ticketId);
            assertThat(received).extracting(Alert::kind, Alert::level).containsExactly(
                    tuple(AlertKind.COMMITMENT_DUE_SOON, 0),
                    tuple(AlertKind.COMMITMENT_OVERDUE, 0),
                    tuple(AlertKind.COMMITMENT_OVERDUE_USER, 0),
                    tuple(AlertKind.ESCALATED, 1),
                    tuple(AlertKind.ESCALATED, 2));
            for (int i = 0; i < received.size(); i++) {
                Alert alert = received.get(i);
                assertThat(alert.firedAt()).as(alert.alertId()).isAfterOrEqualTo(scheduled.get(i));
                assertThat(alert.dueAt()).isEqualTo(due);
                assertThat(alert.late()).isEqualTo(Duration.between(due, alert.firedAt()));
            }

            Alert overdueUser = received.get(2);
            assertThat(overdueUser.alertId()).isEqualTo(
                    HelpdeskEvents.SOURCE + ":commitment:" + promise.eventId() + ":r1:COMMITMENT_OVERDUE_USER:0");
            assertThat(overdueUser.source()).isEqualTo(HelpdeskEvents.SOURCE);
            assertThat(overdueUser.ticketId()).isEqualTo(ticketId);
            assertThat(overdueUser.ticket().subject()).isEqualTo("La VPN no conecta desde casa");
            assertThat(overdueUser.ticket().priority()).isEqualTo(Priority.P2);
            assertThat(overdueUser.ticket().status()).isEqualTo(TicketStatus.OPEN);
            assertThat(overdueUser.ticket().requester()).isEqualTo(HelpdeskEvents.REQUESTER);
            assertThat(overdueUser.ticket().assignee()).isEqualTo(HelpdeskEvents.ASSIGNEE);
            assertThat(overdueUser.ticket().team()).isEqualTo(HelpdeskEvents.TEAM);
            assertThat(overdueUser.commitment().commitmentId()).isEqualTo(promise.eventId());
            assertThat(overdueUser.commitment().kind()).isEqualTo(CommitmentKind.UPDATE);
            assertThat(overdueUser.commitment().promisedTo()).isEqualTo(PromisedTo.USER);
            assertThat(overdueUser.commitment().madeAt()).isEqualTo(now);
            assertThat(overdueUser.commitment().agentWords()).isEqualTo(promise.body());
            assertThat(overdueUser.commitment().description()).isEqualTo("Enviar una actualización del diagnóstico");
            assertThat(overdueUser.sla()).isNull();

            ConsumerRecord<String, String> record = records.get(2);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_ID)).isEqualTo(overdueUser.alertId());
            assertThat(TopicTail.header(record, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ALERT);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo(HelpdeskEvents.SOURCE);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo(ticketId);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicTail.header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo(CloudEvents.JSON);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_TIME)).isEqualTo(overdueUser.firedAt().toString());
        }

        given().get("/api/v1/commitments?state=OPEN&assignee={a}", HelpdeskEvents.ASSIGNEE.id())
                .then().statusCode(200);
        given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body("commitments[0].state", equalTo("OPEN"))
                .body("commitments[0].late", equalTo(true));
    }

    @Test
    void aPublicReplyBeforeTheDueTimeKeepsThePromiseAndNothingFires() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = now.plusSeconds(60);
        Interaction promise = HelpdeskEvents.agentReply(ticketId, now, "Le llamo en cuanto tenga novedades.",
                HelpdeskEvents.update(due));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P2, TicketStatus.OPEN,
                POLICY));
        HelpdeskEvents.send(promise);
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now.plusMillis(500),
                "Ya está: el certificado del túnel había caducado y lo hemos renovado.", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().statusCode(200).body("commitments[0].state", equalTo("KEPT")));
        // kept in the same transaction that withdrew its alerts: nothing is left that could ever fire
        assertThat(pendingFor(ticketId)).isZero();
        given().get("/api/v1/tickets/{id}", ticketId).then()
                .body("commitments[0].late", equalTo(false))
                .body("commitments[0].commitmentId", equalTo(promise.eventId()));
    }

    /** The alerts of one promise still waiting in due_item (the apology's next step has alerts of its own). */
    static long pendingOf(String ticketId, String commitmentId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.count(
                "ticketId = ?1 and commitmentId = ?2", ticketId, commitmentId));
    }

    /** The promise alerts of a ticket still waiting in due_item. */
    static long pendingFor(String ticketId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DueItem.count("ticketId = ?1 and commitmentId is not null", ticketId));
    }

    @Test
    void anActionIsNotKeptByAReplyButByFulfils() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant later = now.plus(Duration.ofHours(2));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, POLICY));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now, "Reinicio el concentrador esta tarde.",
                new CommitmentRequest("restart-" + ticketId, CommitmentKind.ACTION, later,
                        "Reiniciar el concentrador VPN", PromisedTo.TEAM)));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now.plusSeconds(1), "Seguimos en ello.", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}/timeline",
                ticketId).then().statusCode(200).body("size()", equalTo(2)));
        given().get("/api/v1/tickets/{id}", ticketId).then().body("commitments[0].state", equalTo("OPEN"));

        Interaction fulfils = new Interaction(HelpdeskEvents.newEventId(), ticketId, now.plusSeconds(2),
                InteractionKind.INTERNAL_NOTE, null,
                new Author("a-jorge", AuthorRole.AGENT),
                Visibility.INTERNAL, "Reiniciado.", null, List.of("restart-" + ticketId));
        HelpdeskEvents.send(fulfils);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("commitments[0].state", equalTo("KEPT"))
                .body("commitments[0].closedByEventId", equalTo(fulfils.eventId())));
    }

    @Test
    void resolvingTheTicketSettlesOpenPromises() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, POLICY));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now, "Le informo mañana.",
                HelpdeskEvents.update(now.plus(Duration.ofDays(1)))));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.plusSeconds(5), Priority.P3, TicketStatus.RESOLVED,
                POLICY));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("status", equalTo("RESOLVED"))
                .body("commitments[0].state", equalTo("SETTLED")));
        given().get("/api/v1/commitments?state=OPEN&team={t}", HelpdeskEvents.TEAM).then().statusCode(200)
                .body("findAll { it.ticketId == '" + ticketId + "' }.size()", equalTo(0));
    }

    @Test
    void sendingAnOpenPromisesIdAgainReschedulesIt() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "cb-" + ticketId;
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now, Priority.P3, TicketStatus.OPEN, POLICY));
        HelpdeskEvents.send(new Interaction(HelpdeskEvents.newEventId(), ticketId, now,
                InteractionKind.INTERNAL_NOTE, null,
                new Author("a-jorge", AuthorRole.AGENT),
                Visibility.INTERNAL, "Llamar al usuario",
                new CommitmentRequest(id, CommitmentKind.CALLBACK, now.plus(Duration.ofHours(1)),
                        "Llamar", PromisedTo.USER),
                List.of()));
        Instant newDue = now.plus(Duration.ofHours(3));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now.plusSeconds(1), "Le llamo a las 13:00.",
                new CommitmentRequest(id, CommitmentKind.CALLBACK, newDue, "Llamar",
                        PromisedTo.USER)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/tickets/{id}", ticketId)
                .then().body("commitments.size()", equalTo(1))
                .body("commitments[0].revision", equalTo(2))
                .body("commitments[0].state", equalTo("OPEN"))
                .body("commitments[0].dueAt", equalTo(newDue.toString())));
    }
}
