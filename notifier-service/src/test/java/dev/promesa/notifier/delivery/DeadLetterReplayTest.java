package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.SmtpServer;
import dev.promesa.testsupport.TopicTail;

/**
 * An operator replays {@code followup.alerts.v1.dlq} onto {@code followup.alerts.v1} after an outage, record by record
 * as it is (key, value, headers), even twice: what FAILED is sent, once; what was sent is not sent again; a row nobody
 * could receive stays FAILED. Every alert here is about one ticket, so all records share one partition and are read in
 * the order written: the marker alert published after the replay arrives after every replayed record was handled.
 */
@QuarkusTest
class DeadLetterReplayTest {
    private static final String MARTA = "marta@example.com";

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void smtpBackUp() {
        SmtpServer.shared().start();
    }

    @Test
    void replayingTheDeadLettersSendsWhatFailedOnceAndNeverASecondCopyOfWhatWasSent() {
        String ticket = "T-replay-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            // A breach on a team without a lead: the agent's email is SENT, the lead's copy has nobody to go to
            // (FAILED, dead-lettered). Its dead letter is the alert of an email that was sent.
            Alert sent = TestAlerts.alert(AlertKind.SLA_BREACHED).ticketId(ticket).team("no-such-team").build();
            publish(mapper, sent);
            await().atMost(PATIENCE).until(() -> messages(MARTA, ticket, sent).size() == 1
                    && deadLetters(dlq, ticket).size() == 1);

            // The SMTP server goes away for longer than the retry budget: this email is FAILED and dead-lettered.
            SmtpServer.shared().stop();
            Alert failed = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(ticket).build();
            publish(mapper, failed);
            await().atMost(PATIENCE).until(() -> deadLetters(dlq, ticket).size() == 2);
            Map<String, Object> failedRow = row(ticket, failed, MARTA);
            assertThat(failedRow).containsEntry("state", "FAILED");
            int attemptsBeforeReplay = ((Number) failedRow.get("attempts")).intValue();
            SmtpServer.shared().start();

            // The replay, twice over, then a new alert as the marker that everything before it was read.
            List<ConsumerRecord<String, String>> letters = deadLetters(dlq, ticket);
            letters.forEach(DeadLetterReplayTest::replay);
            letters.forEach(DeadLetterReplayTest::replay);
            Alert marker = TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).ticketId(ticket).build();
            publish(mapper, marker);

            await().atMost(PATIENCE).until(() -> messages(MARTA, ticket, marker).size() == 1
                    && messages(MARTA, ticket, failed).size() == 1
                    && "SENT".equals(row(ticket, failed, MARTA).get("state")));
            assertThat(messages(MARTA, ticket, failed)).as("what failed: sent once, though replayed twice").hasSize(1);
            assertThat(messages(MARTA, ticket, sent)).as("what was sent before: no second copy").isEmpty();
            assertThat(mailsTo(MARTA, ticket)).hasSize(2);

            // the replay starts a new retry budget: its attempts are counted afresh (one, or a few on a loaded
            // machine where the first conversation with the restarted server can time out)
            assertThat(row(ticket, failed, MARTA)).containsEntry("resends", 1).containsEntry("resentVia", "replay")
                    .containsEntry("lastError", null).containsEntry("failingSince", null);
            assertThat(((Number) row(ticket, failed, MARTA).get("attempts")).intValue())
                    .isBetween(1, attemptsBeforeReplay - 1);
            assertThat(row(ticket, sent, MARTA)).containsEntry("state", "SENT").containsEntry("resends", 0)
                    .containsEntry("resentVia", null);
            assertThat(row(ticket, sent, "unresolved:lead")).containsEntry("state", "FAILED")
                    .containsEntry("resends", 0);
            assertThat(notifications(ticket)).as("one row per (alert, recipient), replays included").hasSize(4);
            assertThat(deadLetters(dlq, ticket)).as("nothing failed again").hasSize(2);
        }
    }

    /** As an operator's replay does it: the dead letter's key, value and headers onto the alerts topic. */
    private static void replay(ConsumerRecord<String, String> letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : letter.headers()) {
            headers.put(header.key(), TopicTail.header(letter, header.key()));
        }
        KafkaBroker.shared().send(Topics.ALERTS, letter.key(), letter.value(), headers);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(TopicTail dlq, String ticket) {
        String key = new TicketRef(TestAlerts.SOURCE, ticket).recordKey();
        return dlq.received().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The emails of one alert to one address: notifier's Message-ID is derived from (alert id, recipient). */
    private static List<MimeMessage> messages(String address, String ticket, Alert alert) {
        String messageId = MessageIds.of(alert.alertId(), address);
        return mailsTo(address, ticket).stream().filter(m -> messageId.equals(messageIdOf(m))).toList();
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String ticket, Alert alert, String recipient) {
        return notifications(ticket).stream()
                .filter(n -> alert.alertId().equals(n.get("alertId")) && recipient.equals(n.get("recipient")))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + alert.alertId() + " to "
                        + recipient));
    }
}
