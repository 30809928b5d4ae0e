package dev.promesa.notifier.alert;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
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
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/** Records that are not alerts go to the DLQ with the reason, and the alerts behind them are still emailed. */
@QuarkusTest
class PoisonRecordTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void unreadableRecordsAreDeadLetteredAndConsumptionGoesOn() {
        Alert next = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        String key = next.ticketId(); // same key: same partition, right before the good alert
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
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
        }
        assertThat(awaitMails("marta@example.com", next.ticketId(), 1)).hasSize(1);
    }

    private static List<ConsumerRecord<String, String>> forKey(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
