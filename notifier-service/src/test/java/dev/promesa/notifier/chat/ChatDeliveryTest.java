package dev.promesa.notifier.chat;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.DeadLetter;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.TestClock;
import dev.promesa.notifier.delivery.DeadLetters;
import dev.promesa.notifier.writeback.RecordingDesk.Answer;
import dev.promesa.notifier.writeback.RecordingDesk.Request;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Team channels, end to end: an alert on Kafka, its emails through the real SMTP server, and one message to the team's
 * chat webhook, a local recording server (FakeChat) that checks each product's documented payload and answers as the
 * product does. Retries are short in %test (0.1 s doubling to 0.5 s, for 10 s).
 */
@QuarkusTest
class ChatDeliveryTest {
    static final String OPERATOR_KEY = "notifier-operator-key";
    static final String HOSTILE = "<!channel> *VPN* & [aquí](https://evil.example) @all";

    @Inject
    ObjectMapper mapper;

    @Inject
    TestClock clock;

    @AfterEach
    void wallClock() {
        clock.reset();
    }

    @Test
    void oneAlertReachesASlackAMattermostAndATeamsChannelEachInItsFormatAndTheEmailsStillGoOut() {
        FakeChat chat = ChatServers.chat();
        Alert slack = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(ticket())
                .team(ChatServers.SLACK_TEAM).subject(HOSTILE).build();
        Alert mattermost = TestAlerts.alert(AlertKind.SLA_BREACHED).ticketId(ticket())
                .team(ChatServers.MATTERMOST_TEAM).build();
        Alert teams = TestAlerts.alert(AlertKind.ESCALATED).source(ChatServers.TEAMS_SOURCE).ticketId(ticket())
                .team(ChatServers.TEAMS_TEAM).build();
        publish(mapper, slack);
        publish(mapper, mattermost);
        publish(mapper, teams);

        // Slack: fallback text and Block Kit, Spanish (the desk's default), ticket text that cannot link or mention
        JsonNode slackBody = awaitMessage(FakeChat.SLACK_PATH, slack.ticketId()).json();
        assertThat(slackBody.get("text").asText()).isEqualTo("Promesa vencida · Ticket " + slack.ticketId()
                + " «&lt;!channel&gt; *VPN* &amp; [aquí](https://evil.example) @all»");
        assertThat(slackBody.get("blocks").get(0).get("text").get("text").asText()).isEqualTo("*Promesa vencida*\n"
                + "<https://desk.example.com/t/" + slack.ticketId() + "|Ticket " + slack.ticketId()
                + " «&lt;!channel&gt; *VPN* &amp; [aquí](https://evil.example) @all»>");
        assertThat(slackBody.get("blocks").get(1).get("text").get("text").asText()).isEqualTo(
                "Marta Ruiz prometió a Lucía Fernández: «Enviar el presupuesto de la reparación», antes del jueves 26 "
                        + "de noviembre a las 15:00 (hora de Madrid); lleva 1 h 20 min de retraso.");
        assertThat(slackBody.get("blocks").get(2).get("elements").get(0).get("text").asText())
                .isEqualTo("Asignado a: Marta Ruiz · Equipo: " + ChatServers.SLACK_TEAM);

        // Mattermost: Markdown, English in New York time (the team's locale and zone)
        JsonNode mattermostBody = awaitMessage(FakeChat.MATTERMOST_PATH, mattermost.ticketId()).json();
        assertThat(mattermostBody.get("username").asText()).isEqualTo("Promesa");
        assertThat(mattermostBody.get("text").asText()).isEqualTo("**Service level missed**\n"
                + "[Ticket " + mattermost.ticketId() + " \"La impresora de la planta 2 no imprime\"]"
                + "(https://desk.example.com/t/" + mattermost.ticketId() + ")\n"
                + "Target for resolution \\(8 hours\\) on Lucía Fernández's ticket: due Thursday 26 November at 09:00 "
                + "\\(New York time\\); 1 h 20 min late.\n"
                + "_Assigned to: Marta Ruiz · Team: chat-mm_");

        // Microsoft Teams, from source acme's own setting for the team (every other source posts it to Slack)
        JsonNode card = awaitMessage(FakeChat.TEAMS_PATH, teams.ticketId()).json().get("attachments").get(0)
                .get("content");
        assertThat(card.get("body").get(0).get("text").asText()).isEqualTo("Promesa sin cumplir en el equipo");
        assertThat(card.get("body").get(1).get("text").asText())
                .isEqualTo("Ticket " + teams.ticketId() + " «La impresora de la planta 2 no imprime»");
        assertThat(card.get("actions").get(0).get("url").asText()).isEqualTo("https://desk.example.com/t/"
                + teams.ticketId());
        assertThat(chat.messagesFor(FakeChat.SLACK_PATH, teams.ticketId())).isEmpty();

        // chat adds to email: the agent (and for the breach the lead) still get theirs
        assertThat(awaitMails("marta@example.com", slack.ticketId(), 1)).hasSize(1);
        assertThat(awaitMails("marta@example.com", mattermost.ticketId(), 1)).hasSize(1);
        Map<String, Object> row = awaitState(slack, "chat:" + ChatServers.SLACK_TEAM,
                "SENT");
        assertThat(row).containsEntry("audience", "AGENT").containsEntry("attempts", 1).containsEntry("locale", "es");
        assertThat((String) row.get("subject")).startsWith("Promesa vencida · ")
                .endsWith("[#" + slack.ticketId() + "]");
        awaitState(teams, "chat:" + ChatServers.TEAMS_TEAM, "SENT");
        assertThat(awaitState(mattermost, "chat:" + ChatServers.MATTERMOST_TEAM,
                "SENT")).containsEntry("audience", "LEAD").containsEntry("locale", "en");
    }

    @Test
    void aRedeliveredAlertPostsOneMessage() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(ticket()).team(ChatServers.SLACK_TEAM)
                .build();
        publish(mapper, alert);
        publish(mapper, alert);
        publish(mapper, alert);
        // a later alert of the same ticket (same key, same partition) is read after the three copies
        Alert later = TestAlerts.alert(AlertKind.ESCALATED).ticketId(alert.ticketId()).team(ChatServers.SLACK_TEAM)
                .build();
        publish(mapper, later);
        await().atMost(PATIENCE).until(() -> ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId())
                .stream().anyMatch(r -> r.body().contains("Promesa sin cumplir en el equipo")));
        awaitState(alert, "chat:" + ChatServers.SLACK_TEAM, "SENT");

        assertThat(ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId()))
                .filteredOn(r -> r.body().contains("Promesa vencida")).hasSize(1);
        assertThat(rows(TestAlerts.SOURCE, alert.ticketId())).filteredOn(r -> r.get("alertId").equals(alert.alertId()))
                .extracting(r -> r.get("recipient")).containsExactlyInAnyOrder("marta@example.com",
                        "chat:" + ChatServers.SLACK_TEAM);
    }

    @Test
    void a500ThenA200IsRetriedAndPostedOnce() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).ticketId(ticket())
                .team(ChatServers.MATTERMOST_TEAM).build();
        ChatServers.chat().script(alert.ticketId(), Answer.json(500, Map.of("message", "database down")));
        publish(mapper, alert);

        Map<String, Object> row = awaitState(alert, "chat:" + ChatServers.MATTERMOST_TEAM,
                "SENT");
        assertThat(row).containsEntry("attempts", 2).containsEntry("lastError", null);
        assertThat(ChatServers.chat().messagesFor(FakeChat.MATTERMOST_PATH, alert.ticketId())).hasSize(2)
                .extracting(Request::body).containsOnly(ChatServers.chat()
                        .messagesFor(FakeChat.MATTERMOST_PATH, alert.ticketId()).get(0).body());
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSays() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(ticket()).team(ChatServers.SLACK_TEAM)
                .build();
        ChatServers.chat().script(alert.ticketId(), new Answer(429, "rate_limited", Map.of()).withHeader(
                "Retry-After", "2"));
        publish(mapper, alert);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> !ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId()).isEmpty());
        long first = System.nanoTime();
        Map<String, Object> row = awaitState(alert, "chat:" + ChatServers.SLACK_TEAM,
                "SENT");
        // the backoff alone (0.1 s) would have tried again at once; observed late, so the real wait was longer
        assertThat(Duration.ofNanos(System.nanoTime() - first)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(row).containsEntry("attempts", 2);
        assertThat(ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId())).hasSize(2);
    }

    @Test
    void a400IsFailedAtOnceWithTheAnswerDeadLetteredAndCanBeSentAgain() {
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            Alert alert = TestAlerts.alert(AlertKind.ESCALATED).level(2).ticketId(ticket())
                    .team(ChatServers.SLACK_TEAM).build();
            ChatServers.chat().script(alert.ticketId(), new Answer(400, "invalid_blocks (ask admin@acme.example)",
                    Map.of()));
            publish(mapper, alert);

            String recipient = "chat:" + ChatServers.SLACK_TEAM;
            Map<String, Object> failed = awaitState(alert, recipient, "FAILED");
            assertThat(failed).containsEntry("attempts", 1).containsEntry("audience", "MANAGER");
            assertThat((String) failed.get("lastError")).isEqualTo("refused: the slack channel of team 'chat-slack' "
                    + "(promesa.teams.chat-slack.chat-webhook) answered 400: invalid_blocks (ask a***@acme.example)")
                    .doesNotContain("slack-test-secret");

            await().atMost(PATIENCE).until(() -> letters(dlq, alert).size() == 1);
            ConsumerRecord<String, String> letter = letters(dlq, alert).get(0);
            assertThat(TopicTail.header(letter, CloudEvents.HEADER_ID)).isEqualTo(alert.alertId());
            assertThat(TopicTail.header(letter, DeadLetters.HEADER_RECIPIENT)).isEqualTo(recipient);
            assertThat(TopicTail.header(letter, DeadLetter.REASON)).contains("answered 400");
            await().atMost(PATIENCE).until(() -> row(alert, recipient)
                    .get("deadLetteredAt") != null);

            given().header("X-Api-Key", OPERATOR_KEY).post("/api/v1/notifications/" + failed.get("id") + "/resend")
                    .then().statusCode(202).body("state", equalTo("PENDING"));
            Map<String, Object> sent = awaitState(alert, recipient, "SENT");
            assertThat(sent).containsEntry("attempts", 1).containsEntry("resends", 1).containsEntry("resentVia", "api");
            assertThat(ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId())).hasSize(2);
            assertThat(letters(dlq, alert)).hasSize(1);
            given().get("/q/metrics").then().statusCode(200).body(containsString("reason=\"chat\""));
        }
    }

    @Test
    void aFridayEveningAlertWaitsForTheTeamsNextWorkingHourLikeTheLeadsEmail() {
        // desk hours-desk holds staff alerts (test profile); team chat-slack works the default calendar, Madrid
        Instant fridayEvening = Instant.parse("2026-12-04T19:00:00Z");
        Instant mondayNine = Instant.parse("2026-12-07T08:00:00Z");
        clock.advanceTo(fridayEvening);
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).level(1).source("hours-desk").ticketId(ticket())
                .team(ChatServers.SLACK_TEAM).build();
        publish(mapper, alert);
        String recipient = "chat:" + ChatServers.SLACK_TEAM;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rowOrNull(alert, recipient)).isNotNull()
                .containsEntry("state", "PENDING").containsEntry("heldUntil", mondayNine.toString()));
        assertThat(ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId())).isEmpty();

        clock.advanceTo(mondayNine);
        assertThat(awaitState(alert, recipient, "SENT")).containsEntry("attempts", 1);
        assertThat(ChatServers.chat().messagesFor(FakeChat.SLACK_PATH, alert.ticketId())).hasSize(1);
    }

    private static Request awaitMessage(String path, String ticket) {
        await().atMost(PATIENCE).until(() -> !ChatServers.chat().messagesFor(path, ticket).isEmpty());
        return ChatServers.chat().messagesFor(path, ticket).get(0);
    }

    private static Map<String, Object> awaitState(Alert alert, String recipient, String state) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> row = rowOrNull(alert, recipient);
            return row != null && state.equals(row.get("state"));
        });
        return row(alert, recipient);
    }

    private static Map<String, Object> row(Alert alert, String recipient) {
        Map<String, Object> row = rowOrNull(alert, recipient);
        assertThat(row).as("the %s row of alert %s", recipient, alert.alertId()).isNotNull();
        return row;
    }

    private static Map<String, Object> rowOrNull(Alert alert, String recipient) {
        List<Map<String, Object>> rows = rows(alert.source(), alert.ticketId()).stream()
                .filter(r -> alert.alertId().equals(r.get("alertId")) && recipient.equals(r.get("recipient")))
                .toList();
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The notifications of one source's ticket, read with the operator key. */
    private static List<Map<String, Object>> rows(String source, String ticket) {
        return given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source).queryParam("ticketId", ticket)
                .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<ConsumerRecord<String, String>> letters(TopicTail dlq, Alert alert) {
        String key = new TicketRef(alert.source(), alert.ticketId()).recordKey();
        return dlq.received().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String ticket() {
        return "CH" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }
}
