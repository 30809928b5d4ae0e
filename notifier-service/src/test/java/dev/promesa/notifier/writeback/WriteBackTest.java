package dev.promesa.notifier.writeback;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.calendar.HumanTime;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.writeback.RecordingDesk.Answer;
import dev.promesa.notifier.writeback.RecordingDesk.Request;

/**
 * Notes in the help desk, end to end: an alert on Kafka, the email through the real SMTP server, the note to a
 * recording stand-in of each desk's API (DeskServers), checked for the exact method, path, authorization header and
 * JSON body the vendor documents; the note's state in the read API and the metrics. Retries are short in %test
 * (3 attempts, 0.2 s doubling to 0.5 s).
 */
@QuarkusTest
class WriteBackTest {
    static final String OPERATOR_KEY = "notifier-operator-key";
    static final String PROMISE = "Enviar el presupuesto de la reparación";
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Inject
    ObjectMapper mapper;

    @Inject
    WriteBackWorker worker;

    @Test
    void zendeskGetsAPrivateCommentSayingWhoWasToldWhatAndWhen() {
        String ticket = numericId();
        DeskServers.zendesk().addTicket(ticket);
        Alert alert = publishUserApology(DeskServers.ZENDESK, ticket);

        Request put = awaitNote(DeskServers.zendesk(), ticket);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/api/v2/tickets/" + ticket + ".json");
        assertThat(put.header("Authorization")).isEqualTo(DeskServers.ZENDESK_AUTHORIZATION);
        assertThat(put.header("Content-Type")).startsWith("application/json");
        JsonNode body = put.json();
        assertThat(fields(body)).containsExactly("ticket");
        assertThat(fields(body.get("ticket"))).containsExactly("comment");
        JsonNode comment = body.get("ticket").get("comment");
        assertThat(fields(comment)).containsExactlyInAnyOrder("body", "public");
        assertThat(comment.get("public").isBoolean()).isTrue();
        assertThat(comment.get("public").asBoolean()).isFalse();

        Map<String, Object> row = awaitWritten(DeskServers.ZENDESK, ticket);
        Instant sentAt = Instant.parse((String) row.get("sentAt"));
        assertThat(comment.get("body").asText()).isEqualTo(
                "Promesa avisó por correo a Lucía Fernández (lucia@example.com) el "
                        + HumanTime.dateTime(sentAt, sentAt, MADRID, "es") + " de que la promesa «" + PROMISE
                        + "», con plazo hasta el " + HumanTime.dateTime(alert.dueAt(), sentAt, MADRID, "es")
                        + ", lleva 1 h 20 min de retraso, y le pidió disculpas.\n"
                        + "Siguiente paso que se le anunció: Marta Ruiz sigue a cargo de la "
                        + "solicitud y le escribirá antes del "
                        + HumanTime.dateTime(alert.nextStep().dueAt(), sentAt, MADRID, "es") + " con novedades.\n"
                        + "Asunto del correo: " + row.get("subject") + "\n"
                        + "(Nota interna de Promesa; aviso " + row.get("id") + ")");
        @SuppressWarnings("unchecked")
        Map<String, Object> writeBack = (Map<String, Object>) row.get("writeBack");
        assertThat(writeBack).containsEntry("state", "WRITTEN").containsEntry("desk", "zendesk")
                .containsEntry("attempts", 1).containsEntry("lastError", null);
        assertThat(writeBack.get("deskNoteId")).as("the audit's Comment event").isNotNull();
        assertThat(writeBack.get("writtenAt")).isNotNull();
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "promesa_writeback_total{desk=\"zendesk\",outcome=\"written\",source=\"wb-zendesk\"}"));
    }

    @Test
    void zammadFindsTheTicketByNumberThenAddsAnInternalNoteArticle() {
        String number = numericId();
        FakeZammad.Ticket zammadTicket = DeskServers.zammad().addTicket(number, true);
        publishUserApology(DeskServers.ZAMMAD, number);

        Request post = awaitNote(DeskServers.zammad(), number);
        List<Request> searches = DeskServers.zammad().received().stream()
                .filter(r -> r.query() != null && r.query().contains(number)).toList();
        assertThat(searches).singleElement().satisfies(search -> {
            assertThat(search.method()).isEqualTo("GET");
            assertThat(search.path()).isEqualTo("/api/v1/tickets/search");
            assertThat(search.query()).isEqualTo("query=number%3A" + number + "&expand=true");
            assertThat(search.header("Authorization")).isEqualTo(DeskServers.ZAMMAD_AUTHORIZATION);
        });
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/v1/ticket_articles");
        assertThat(post.header("Authorization")).isEqualTo(DeskServers.ZAMMAD_AUTHORIZATION);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = post.json();
        assertThat(fields(body)).containsExactlyInAnyOrder("ticket_id", "subject", "body", "content_type", "type",
                "internal");
        assertThat(body.get("ticket_id").asLong()).as("Zammad's internal id, not the number")
                .isEqualTo(zammadTicket.id());
        assertThat(body.get("type").asText()).isEqualTo("note");
        assertThat(body.get("internal").asBoolean()).isTrue();
        assertThat(body.get("content_type").asText()).isEqualTo("text/plain");
        assertThat(body.get("subject").asText()).isEqualTo("Promesa");
        assertThat(body.get("body").asText()).startsWith("Promesa avisó por correo a Lucía Fernández "
                + "(lucia@example.com) el ").contains("«" + PROMISE + "»");

        assertThat(writeBack(awaitWritten(DeskServers.ZAMMAD, number))).containsEntry("desk", "zammad")
                .containsEntry("attempts", 1);
    }

    @Test
    void zammadWithoutSearchIndexIsSearchedByThePlainNumberAndOnlyTheExactNumberIsUsed() {
        String number = numericId();
        DeskServers.zammad().addTicket("9" + number, false); // also matches a LIKE search for the number
        FakeZammad.Ticket zammadTicket = DeskServers.zammad().addTicket(number, false);
        publishUserApology(DeskServers.ZAMMAD, number);

        Request post = awaitNote(DeskServers.zammad(), number);
        assertThat(post.json().get("ticket_id").asLong()).isEqualTo(zammadTicket.id());
        assertThat(DeskServers.zammad().received().stream().filter(r -> r.query() != null
                && r.query().contains(number)).map(Request::query))
                .containsExactly("query=number%3A" + number + "&expand=true", "query=" + number + "&expand=true");
        awaitWritten(DeskServers.ZAMMAD, number);
    }

    @Test
    void jiraServiceManagementGetsAnInternalCommentInTheSourcesLanguage() {
        String key = "ITSD-" + numericId();
        DeskServers.jira().addRequest(key);
        publish(mapper, TestAlerts.alert(AlertKind.ESCALATED).source(DeskServers.JIRA).ticketId(key).build());

        Request post = awaitNote(DeskServers.jira(), key);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/rest/servicedeskapi/request/" + key + "/comment");
        assertThat(post.header("Authorization")).isEqualTo(DeskServers.JIRA_AUTHORIZATION);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = post.json();
        assertThat(fields(body)).containsExactlyInAnyOrder("body", "public");
        assertThat(body.get("public").isBoolean()).isTrue();
        assertThat(body.get("public").asBoolean()).isFalse();
        assertThat(body.get("body").asText())
                .startsWith("Promesa emailed the lead of the service-desk team (lead@example.com) on ")
                .contains("that Marta Ruiz's promise to Lucía Fernández, \"" + PROMISE + "\", due ")
                .contains("is still not kept (1 h 20 min late).")
                .contains("(Madrid time)");

        assertThat(writeBack(awaitWritten(DeskServers.JIRA, key))).containsEntry("desk", "jira")
                .extracting(w -> w.get("deskNoteId")).isNotNull();
    }

    @Test
    void theNoteShowsTimesInTheTeamsZone() {
        String key = "ITSD-" + numericId();
        DeskServers.jira().addRequest(key);
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).english().source(DeskServers.JIRA).ticketId(key).build();
        publish(mapper, alert);

        Request post = awaitNote(DeskServers.jira(), key);
        Map<String, Object> row = awaitWritten(DeskServers.JIRA, key);
        Instant sentAt = Instant.parse((String) row.get("sentAt"));
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(post.json().get("body").asText()).isEqualTo(
                "Promesa emailed the lead of the night-shift team (night.lead@example.com) on "
                        + HumanTime.dateTime(sentAt, sentAt, newYork, "en") + " that Sam Patel's promise to John "
                        + "Carter, \"Send the repair quote\", due "
                        + HumanTime.dateTime(alert.dueAt(), sentAt, newYork, "en")
                        + ", is still not kept (1 h 20 min late).\n"
                        + "Email subject: Promise not kept in your team · The printer on floor 2 does not print [#"
                        + key + "]\n"
                        + "(Internal note by Promesa; notification " + row.get("id") + ")");
    }

    @Test
    void freshdeskGetsAPrivateNoteWithTheTextAsEscapedHtml() {
        String ticket = numericId();
        DeskServers.freshdesk().addTicket(ticket);
        publish(mapper, TestAlerts.alert(AlertKind.ESCALATED).level(2).source(DeskServers.FRESHDESK).ticketId(ticket)
                .promise("Cambiar el tóner <b>negro</b> & \"azul\"").build());

        Request post = awaitNote(DeskServers.freshdesk(), ticket);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/v2/tickets/" + ticket + "/notes");
        assertThat(post.header("Authorization")).isEqualTo(DeskServers.FRESHDESK_AUTHORIZATION);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        JsonNode body = post.json();
        assertThat(fields(body)).containsExactlyInAnyOrder("body", "private");
        assertThat(body.get("private").asBoolean()).isTrue();
        assertThat(body.get("body").asText())
                .startsWith("Promesa avisó por correo a la dirección del equipo service-desk (manager@example.com) el ")
                .contains(", en segundo aviso, de que la promesa de Marta Ruiz a Lucía Fernández")
                .contains("«Cambiar el tóner &lt;b&gt;negro&lt;/b&gt; &amp; &quot;azul&quot;»")
                .contains("<br>Asunto del correo: ")
                .doesNotContain("<b>", "\n");
        awaitWritten(DeskServers.FRESHDESK, ticket);
    }

    @Test
    void aDeskFailingOnceIsRetriedAndTheNoteIsWritten() {
        String ticket = numericId();
        DeskServers.zendesk().addTicket(ticket);
        DeskServers.zendesk().script(ticket, Answer.json(500, Map.of("error", "InternalError")));
        publishUserApology(DeskServers.ZENDESK, ticket);

        Map<String, Object> row = awaitWritten(DeskServers.ZENDESK, ticket);
        assertThat(writeBack(row)).containsEntry("attempts", 2).containsEntry("lastError", null);
        assertThat(DeskServers.zendesk().notesFor(ticket)).hasSize(2);
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "promesa_writeback_total{desk=\"zendesk\",outcome=\"retried\",source=\"wb-zendesk\"}"));
    }

    @Test
    void aDeskThatKeepsFailingEndsFailedVisibleInTheApiAndMetricsAndTheEmailWasSentOnce() {
        String ticket = numericId();
        DeskServers.freshdesk().addTicket(ticket);
        DeskServers.freshdesk().always(ticket, Answer.json(503, Map.of("code", "service_unavailable"))
                .withHeader("Retry-After", "0"));
        publishUserApology(DeskServers.FRESHDESK, ticket);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(state(DeskServers.FRESHDESK, ticket)));
        Map<String, Object> writeBack = writeBack(row(DeskServers.FRESHDESK, ticket));
        assertThat(writeBack).containsEntry("attempts", 3).containsEntry("deskNoteId", null);
        assertThat((String) writeBack.get("lastError")).startsWith("gave up after 3 attempts: POST /api/v2/tickets/"
                + ticket + "/notes answered 503");
        assertThat(DeskServers.freshdesk().notesFor(ticket)).hasSize(3);
        assertThat(row(DeskServers.FRESHDESK, ticket)).containsEntry("state", "SENT");
        assertThat(mailsTo(TestAlerts.LUCIA.email(), ticket)).hasSize(1);
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "promesa_writeback_total{desk=\"freshdesk\",outcome=\"failed\",source=\"wb-freshdesk\"}"));
    }

    @Test
    void aTicketTheDeskDoesNotKnowFailsAtOnceWithTheDesksAnswer() {
        String key = "NOPE-" + numericId();
        publishUserApology(DeskServers.JIRA, key);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(state(DeskServers.JIRA, key)));
        Map<String, Object> writeBack = writeBack(row(DeskServers.JIRA, key));
        assertThat(writeBack).containsEntry("attempts", 1);
        assertThat((String) writeBack.get("lastError")).startsWith("refused: POST /rest/servicedeskapi/request/" + key
                + "/comment answered 404").contains("Request does not exist");
    }

    @Test
    void aRedeliveredAlertWritesNoSecondNote() {
        String ticket = numericId();
        DeskServers.zendesk().addTicket(ticket);
        Alert apology = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source(DeskServers.ZENDESK)
                .ticketId(ticket).build();
        publish(mapper, apology);
        awaitNote(DeskServers.zendesk(), ticket);
        publish(mapper, apology);
        publish(mapper, apology);
        // The marker has the same record key, so it is read after both redeliveries: once its note is written, they
        // have been handled.
        Alert marker = TestAlerts.alert(AlertKind.ESCALATED).source(DeskServers.ZENDESK).ticketId(ticket).build();
        publish(mapper, marker);

        await().atMost(PATIENCE).until(() -> rows(DeskServers.ZENDESK, ticket).stream()
                .allMatch(r -> r.get("writeBack") != null && "WRITTEN".equals(writeBack(r).get("state")))
                && rows(DeskServers.ZENDESK, ticket).size() == 2);
        assertThat(DeskServers.zendesk().notesFor(ticket)).hasSize(2);
        assertThat(rows(DeskServers.ZENDESK, ticket)).extracting(r -> r.get("alertId"))
                .containsExactlyInAnyOrder(apology.alertId(), marker.alertId());
        assertThat(mailsTo(TestAlerts.LUCIA.email(), ticket)).hasSize(1);
    }

    @Test
    void aSourceWithoutWriteBackAndAnAgentReminderGetNoNote() {
        String ticket = numericId();
        DeskServers.zendesk().addTicket(ticket);
        Alert withoutWriteBack = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).ticketId(ticket).build();
        Alert agentReminder = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).source(DeskServers.ZENDESK)
                .ticketId(ticket).build();
        publish(mapper, withoutWriteBack);
        publish(mapper, agentReminder);
        awaitMails(TestAlerts.LUCIA.email(), ticket, 1);
        awaitMails(TestAlerts.MARTA.email(), ticket, 1);
        await().atMost(PATIENCE).until(() -> "SENT".equals(row(TestAlerts.SOURCE, ticket).get("state"))
                && "SENT".equals(row(DeskServers.ZENDESK, ticket).get("state")));

        // Two complete looks for emails needing a note after both were sent: had either been queued, it would be now.
        long after = worker.completedSweeps() + 2;
        await().atMost(PATIENCE).until(() -> worker.completedSweeps() >= after);
        assertThat(row(TestAlerts.SOURCE, ticket).get("writeBack")).isNull();
        assertThat(row(DeskServers.ZENDESK, ticket).get("writeBack")).isNull();
        for (RecordingDesk desk : List.of(DeskServers.zammad(), DeskServers.zendesk(), DeskServers.jira(),
                DeskServers.freshdesk())) {
            assertThat(desk.received()).noneMatch(r -> r.path().contains(ticket)
                    || r.body().contains(ticket) || (r.query() != null && r.query().contains(ticket)));
        }
    }

    private Alert publishUserApology(String source, String ticket) {
        // as followup raises it: with the next step the apology names (promesa.commitments.apology-window)
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source(source).ticketId(ticket)
                .nextStep(Duration.ofHours(2)).build();
        publish(mapper, alert);
        awaitMails(TestAlerts.LUCIA.email(), ticket, 1);
        return alert;
    }

    private static Request awaitNote(RecordingDesk desk, String ticket) {
        await().atMost(PATIENCE).until(() -> !desk.notesFor(ticket).isEmpty());
        return desk.notesFor(ticket).get(0);
    }

    private static Map<String, Object> awaitWritten(String source, String ticket) {
        await().atMost(PATIENCE).until(() -> "WRITTEN".equals(state(source, ticket)));
        return row(source, ticket);
    }

    private static String state(String source, String ticket) {
        List<Map<String, Object>> rows = rows(source, ticket);
        return rows.size() != 1 || rows.get(0).get("writeBack") == null
                ? null
                : (String) writeBack(rows.get(0)).get("state");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> writeBack(Map<String, Object> row) {
        return (Map<String, Object>) row.get("writeBack");
    }

    private static Map<String, Object> row(String source, String ticket) {
        List<Map<String, Object>> rows = rows(source, ticket);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The notifications of one source's ticket, read with the operator key. */
    private static List<Map<String, Object>> rows(String source, String ticket) {
        return given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source).queryParam("ticketId", ticket)
                .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String numericId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }
}
