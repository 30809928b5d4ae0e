package dev.promesa.notifier.alert;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.publishRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Records that are not alerts go to the DLQ one by one with the reason, and the good alerts of the same poll are still
 * logged and emailed exactly once.
 */
@QuarkusTest
class PoisonRecordTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void unreadableRecordsAreDeadLetteredAndConsumptionGoesOn() {
        Alert before = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        String key = before.ticketId(); // one key: one partition, so the good and bad records share a poll
        Alert next = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(key).build();
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            publish(mapper, before);
            publishRaw(key, "this is not json", "poison-1");
            publishRaw(key, "{\"alertId\":\"a-1\",\"ticketId\":\"" + key + "\"}", "poison-2");
            publishRaw(key, "{\"alertId\":\"a-2\",\"kind\":\"NO_SUCH_KIND\",\"ticketId\":\"" + key + "\"}", "poison-3");
            publish(mapper, next);

            await().atMost(PATIENCE).until(() -> forKey(dlq.received(), key).size() == 3);
            List<ConsumerRecord<String, String>> letters = forKey(dlq.received(), key);
            assertThat(letters).map(ConsumerRecord::value).containsExactly("this is not json",
                    "{\"alertId\":\"a-1\",\"ticketId\":\"" + key + "\"}",
                    "{\"alertId\":\"a-2\",\"kind\":\"NO_SUCH_KIND\",\"ticketId\":\"" + key + "\"}");
            assertThat(letters).map(r -> TopicTail.header(r, "dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).startsWith("not the JSON of an Alert"),
                    reason -> assertThat(reason).isEqualTo("invalid alert: kind is missing"),
                    reason -> assertThat(reason).startsWith("not the JSON of an Alert").contains("NO_SUCH_KIND"));
            // Where each came from, and its own CloudEvents id, as the connector's dead-letter strategy would say.
            assertThat(letters).map(r -> TopicTail.header(r, CloudEvents.HEADER_ID))
                    .containsExactly("poison-1", "poison-2", "poison-3");
            assertThat(letters).allSatisfy(r -> {
                assertThat(TopicTail.header(r, "dead-letter-topic")).isEqualTo(Topics.ALERTS);
                assertThat(TopicTail.header(r, "dead-letter-partition")).isNotBlank();
                assertThat(TopicTail.header(r, "dead-letter-offset")).isNotBlank();
            });
        }
        // The good alerts on either side of the bad records: each logged once and emailed once, none dead-lettered.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(key)).hasSize(2)
                .allSatisfy(n -> assertThat(n).containsEntry("state", "SENT"))
                .extracting(n -> n.get("alertId")).containsExactlyInAnyOrder(before.alertId(), next.alertId()));
        assertThat(awaitMails("marta@example.com", key, 2)).hasSize(2);
    }

    private static List<ConsumerRecord<String, String>> forKey(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
