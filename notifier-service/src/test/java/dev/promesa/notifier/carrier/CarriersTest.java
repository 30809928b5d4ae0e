package dev.promesa.notifier.carrier;

import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.subject;
import static dev.promesa.notifier.Deliveries.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.Deliveries;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.delivery.MessageIds;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Emails that carry several alerts, end to end against the real broker, database and SMTP server (test-support's
 * GreenMail). The test profile gives three desks short windows (application.properties): {@code apologies} gathers
 * for 3 s with a 10 s window, {@code withdrawals} gathers for a minute (so an apology is still waiting when its
 * withdrawal comes), {@code digests} sends 5 staff emails per 20 s window alone.
 */
@QuarkusTest
class CarriersTest {
    private static final String OPERATOR_KEY = "notifier-operator-key";
    private static final Duration USER_WINDOW = Duration.ofSeconds(10);

    @Inject
    ObjectMapper mapper;

    @Test
    void threeLatePromisesAreOneApologyAndALaterOneWaitsForTheWindow() throws Exception {
        String ticket = "AP-" + UUID.randomUUID().toString().substring(0, 8);
        List<Alert> three = new ArrayList<>();
        String[] promises = {"Enviar el presupuesto de la reparación", "Confirmar la fecha de la visita técnica",
                "Devolver el equipo de sustitución"};
        for (int i = 0; i < 3; i++) {
            three.add(due(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("apologies").ticketId(ticket)
                    .promise(promises[i]).build(), TestAlerts.DUE.plusSeconds(5L * i)));
        }
        try (TopicTail timeline = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            three.forEach(a -> publish(mapper, a));

            MimeMessage first = awaitMails("lucia@example.com", ticket, 1).get(0);
            assertThat(text(first)).contains(promises);
            String carrierId = "apologies:apology:" + ticket + ":1";
            assertThat(first.getHeader("Message-ID")[0]).isEqualTo(MessageIds.of(carrierId, "lucia@example.com"));

            List<Map<String, Object>> rows = awaitRows("apologies", ticket, 4, "SENT");
            Map<String, Object> carrier = only(rows, "kind", "APOLOGY");
            assertThat(carrier).containsEntry("alertId", carrierId);
            assertThat(rows).filteredOn(r -> "COMMITMENT_OVERDUE_USER".equals(r.get("kind"))).hasSize(3)
                    .allSatisfy(r -> assertThat(r).containsEntry("carrierId", carrier.get("id")));

            // every promise's email is on the ticket's timeline, all with the one Message-ID the user got
            await().atMost(Deliveries.PATIENCE).until(() -> emailsSent(timeline, ticket).size() >= 3);
            assertThat(emailsSent(timeline, ticket)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.messageId()).isEqualTo(first.getHeader("Message-ID")[0]))
                    .extracting(EmailSent::alertId)
                    .containsExactlyInAnyOrderElementsOf(three.stream().map(Alert::alertId).toList());

            // one more miss after that email went out: a second email, only once the window since the first ended
            Alert fourth = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("apologies").ticketId(ticket)
                    .promise("Llamarle para revisar la configuración").build();
            publish(mapper, fourth);
            MimeMessage second = awaitMails("lucia@example.com", ticket, 2).get(1);
            assertThat(text(second)).contains("Llamarle para revisar la configuración").doesNotContain(promises);
            List<Map<String, Object>> after = awaitRows("apologies", ticket, 6, "SENT");
            Map<String, Object> next = after.stream()
                    .filter(r -> ("apologies:apology:" + ticket + ":2").equals(r.get("alertId"))).findFirst()
                    .orElseThrow();
            Instant firstSent = Instant.parse((String) carrier.get("sentAt"));
            Instant secondSent = Instant.parse((String) next.get("sentAt"));
            assertThat(Duration.between(firstSent, secondSent)).isGreaterThanOrEqualTo(USER_WINDOW);
            assertThat(Instant.parse((String) next.get("dueAt"))).isEqualTo(firstSent.plus(USER_WINDOW));
        }
        assertThat(mailsTo("lucia@example.com", ticket)).hasSize(2);
    }

    @Test
    void fiftyAlertsToOneAgentInAMinuteAreFiveEmailsAndOneDigestOfFortyFive() throws Exception {
        Person agent = new Person("a-50", "Diego Torres", "diego.digest-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.com", "es", "Europe/Madrid");
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            alerts.add(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).source("digests").assignee(agent)
                    .ticketId("DG-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)).build());
        }
        alerts.forEach(a -> publish(mapper, a));

        // five go alone at once; the digest when the window (20 s from the first) ends
        await().atMost(Duration.ofSeconds(60)).until(() -> received(agent.email()).size() >= 6);
        List<MimeMessage> mails = received(agent.email());
        assertThat(mails).hasSize(6);
        // the first five to arrive (the tickets' records spread over partitions) went alone, the digest holds the rest
        List<MimeMessage> digests = mails.stream().filter(m -> subject(m).startsWith("Resumen: ")).toList();
        assertThat(digests).hasSize(1);
        String digest = text(digests.get(0)).replace("\r\n", "\n");
        assertThat(subject(digests.get(0))).isEqualTo("Resumen: 45 avisos");
        assertThat(digest).contains("este resumen reúne los 45 siguientes; no se ha omitido ninguno");
        List<String> alone = alerts.stream().map(Alert::ticketId)
                .filter(t -> mails.stream().anyMatch(m -> !digests.contains(m) && subject(m).endsWith("[#" + t + "]")))
                .toList();
        assertThat(alone).hasSize(5);
        for (Alert alert : alerts) {
            if (alone.contains(alert.ticketId())) {
                assertThat(digest).doesNotContain(alert.ticketId());
            } else {
                assertThat(digest).contains("[#" + alert.ticketId() + "]\n  https://desk.example.com/t/"
                        + alert.ticketId());
            }
        }
        List<Map<String, Object>> rows = rowsTo("digests", agent.email());
        assertThat(rows).hasSize(51).allSatisfy(r -> assertThat(r).containsEntry("state", "SENT"));
        Map<String, Object> carrier = only(rows, "kind", "DIGEST");
        assertThat(rows).filteredOn(r -> carrier.get("id").equals(r.get("carrierId"))).hasSize(45);
    }

    @Test
    void aKeptPromiseWithdrawsItsWaitingApologyAndAResolvedTicketSparesTheSatisfactionEmail() throws Exception {
        String ticket = "WD-" + UUID.randomUUID().toString().substring(0, 8);
        Alert kept = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("withdrawals").ticketId(ticket)
                .promise("Enviar el presupuesto de la reparación").build();
        Alert other = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("withdrawals").ticketId(ticket)
                .promise("Confirmar la fecha de la visita técnica").build();
        publish(mapper, kept);
        publish(mapper, other);
        await().atMost(Deliveries.PATIENCE).until(() -> rows("withdrawals", ticket).size() == 3);
        Map<String, Object> carrier = only(rows("withdrawals", ticket), "kind", "APOLOGY");
        assertThat(carrier).containsEntry("state", "PENDING");

        // the first promise is kept while its apology waits: it leaves the email, which now names the other only
        AlertWithdrawal keptWithdrawal = withdrawal(ticket, kept.commitment().commitmentId(),
                AlertWithdrawal.Reason.KEPT);
        publishWithdrawal(keptWithdrawal);
        await().atMost(Deliveries.PATIENCE).until(() -> "WITHDRAWN".equals(row("withdrawals", ticket, kept).get(
                "state")));
        Map<String, Object> withdrawn = row("withdrawals", ticket, kept);
        assertThat(withdrawn).containsEntry("withdrawnReason", "KEPT");
        assertThat(withdrawn.get("withdrawnAt")).isNotNull();
        String carrierText = body((String) carrier.get("id"));
        assertThat(carrierText).contains("Confirmar la fecha de la visita técnica")
                .doesNotContain("Enviar el presupuesto de la reparación");

        // replayed, it changes nothing; the ticket is then resolved: the rest is withdrawn, the carrier with it
        publishWithdrawal(keptWithdrawal);
        publishWithdrawal(withdrawal(ticket, null, AlertWithdrawal.Reason.RESOLVED));
        await().atMost(Deliveries.PATIENCE).until(() -> "WITHDRAWN".equals(row("withdrawals", ticket, other).get(
                "state")));
        assertThat(row("withdrawals", ticket, other)).containsEntry("withdrawnReason", "RESOLVED");
        assertThat(row("withdrawals", ticket, kept)).containsEntry("withdrawnReason", "KEPT")
                .containsEntry("withdrawnAt", withdrawn.get("withdrawnAt"));
        assertThat(only(rows("withdrawals", ticket), "kind", "APOLOGY")).containsEntry("state", "WITHDRAWN");
        assertThat(given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", "withdrawals")
                .queryParam("ticketId", ticket).queryParam("state", "WITHDRAWN").get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(3);

        // the satisfaction check of the resolved ticket is not withdrawn by the ticket-wide withdrawal
        Alert satisfaction = TestAlerts.alert(AlertKind.SATISFACTION_CHECK).source("withdrawals").ticketId(ticket)
                .build();
        publish(mapper, satisfaction);
        publishWithdrawal(withdrawal(ticket, null, AlertWithdrawal.Reason.RESOLVED));
        MimeMessage mail = awaitMails("lucia@example.com", ticket, 1).get(0);
        assertThat(mail.getHeader("Message-ID")[0])
                .isEqualTo(MessageIds.of(satisfaction.alertId(), "lucia@example.com"));
        await().atMost(Deliveries.PATIENCE).until(() -> "SENT".equals(row("withdrawals", ticket, satisfaction)
                .get("state")));
        assertThat(row("withdrawals", ticket, satisfaction).get("withdrawnReason")).isNull();
        // nothing about the withdrawn promises ever reached the mail server
        assertThat(mailsTo("lucia@example.com", ticket)).hasSize(1);
    }

    @Test
    void aWithdrawalOlderThanTheAlertLeavesItAlone() {
        String ticket = "WO-" + UUID.randomUUID().toString().substring(0, 8);
        Alert rearmed = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("withdrawals").ticketId(ticket)
                .build();
        publish(mapper, rearmed);
        await().atMost(Deliveries.PATIENCE).until(() -> rows("withdrawals", ticket).size() == 2);
        // followup withdrew the promise's alerts before this one fired (a rescheduled promise's new alert)
        publishWithdrawal(new AlertWithdrawal("w-old-" + ticket, "withdrawals", ticket,
                rearmed.commitment().commitmentId(), AlertWithdrawal.Reason.RESCHEDULED,
                rearmed.firedAt().minusSeconds(60)));
        // a marker behind it on the same key: once it is applied, so is the old one
        Alert marker = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("withdrawals").ticketId(ticket)
                .build();
        publish(mapper, marker);
        publishWithdrawal(withdrawal(ticket, marker.commitment().commitmentId(), AlertWithdrawal.Reason.KEPT));
        await().atMost(Deliveries.PATIENCE).until(() -> "WITHDRAWN".equals(row("withdrawals", ticket, marker).get(
                "state")));
        assertThat(row("withdrawals", ticket, rearmed)).containsEntry("state", "MERGED");
    }

    @Test
    void aBadWithdrawalIsDeadLetteredLikeABadAlert() {
        String key = "withdrawals/BAD-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            KafkaBroker.shared().send(Topics.ALERTS, key, "{\"withdrawalId\":\"w-bad\",\"source\":\"withdrawals\"}",
                    headers("w-bad"));
            await().atMost(Deliveries.PATIENCE).until(() -> dlq.received().stream().anyMatch(r -> key.equals(r.key())));
            assertThat(dlq.received()).filteredOn(r -> key.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(TopicTail.header(r, "dead-letter-reason"))
                            .isEqualTo("invalid alert withdrawal: ticketId is missing or longer than 200 characters"));
        }
    }

    private static Alert due(Alert a, Instant due) {
        return new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), a.source(), due.plus(a.late()), due,
                a.late(), a.ticket(), a.commitment(), a.sla(), a.nextStep());
    }

    private static AlertWithdrawal withdrawal(String ticket, String commitmentId, AlertWithdrawal.Reason reason) {
        return new AlertWithdrawal("w-" + UUID.randomUUID(), "withdrawals", ticket, commitmentId, reason,
                Instant.now());
    }

    private void publishWithdrawal(AlertWithdrawal w) {
        try {
            KafkaBroker.shared().send(Topics.ALERTS, w.source() + "/" + w.ticketId(), mapper.writeValueAsString(w),
                    headers(w.withdrawalId()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(String id) {
        return Map.of(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION, CloudEvents.HEADER_ID, id,
                CloudEvents.HEADER_TYPE, CloudEvents.TYPE_ALERT_WITHDRAWN, CloudEvents.HEADER_CONTENT_TYPE,
                CloudEvents.JSON);
    }

    private EmailSent emailSent(ConsumerRecord<String, String> record) {
        try {
            return mapper.readValue(record.value(), EmailSent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<EmailSent> emailsSent(TopicTail timeline, String ticket) {
        return timeline.received().stream()
                .filter(r -> CloudEvents.TYPE_EMAIL_SENT.equals(TopicTail.header(r, CloudEvents.HEADER_TYPE)))
                .map(this::emailSent).filter(e -> ticket.equals(e.ticketId())).toList();
    }

    private static List<MimeMessage> received(String address) {
        return mailsTo(address, "");
    }

    private static List<Map<String, Object>> awaitRows(String source, String ticket, int count, String state) {
        await().atMost(Deliveries.PATIENCE).until(() -> rows(source, ticket).stream()
                .filter(r -> state.equals(r.get("state"))).count() >= count);
        return rows(source, ticket);
    }

    private static List<Map<String, Object>> rows(String source, String ticket) {
        return given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source).queryParam("ticketId", ticket)
                .queryParam("size", 200).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static List<Map<String, Object>> rowsTo(String source, String recipient) {
        return given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source)
                .queryParam("recipient", recipient).queryParam("size", 200).get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> row(String source, String ticket, Alert alert) {
        return rows(source, ticket).stream().filter(r -> alert.alertId().equals(r.get("alertId"))).findFirst()
                .orElseThrow();
    }

    private static String body(String id) {
        return given().header("X-Api-Key", OPERATOR_KEY).get("/api/v1/notifications/" + id).then().statusCode(200)
                .extract().jsonPath().getString("textBody");
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, String field, Object value) {
        List<Map<String, Object>> found = rows.stream().filter(r -> value.equals(r.get(field))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
