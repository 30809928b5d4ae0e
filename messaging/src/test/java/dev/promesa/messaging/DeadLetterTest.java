package dev.promesa.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void aRecordKeepsKeyValueAndHeadersAndGainsSmallRyesDeadLetterHeaders() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("helpdesk.events.v1", 2, 41, "acme/T-1", "{}");
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, String> letter = DeadLetter
                .of(record, new IllegalStateException("rules refuse it", new IllegalArgumentException("why")))
                .toRecord("helpdesk.events.v1.dlq");

        assertThat(letter.topic()).isEqualTo("helpdesk.events.v1.dlq");
        assertThat(letter.key()).isEqualTo("acme/T-1");
        assertThat(letter.value()).isEqualTo("{}");
        assertThat(letter.partition()).isNull();
        assertThat(headers(letter)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_id", "e-1",
                "dead-letter-reason", "rules refuse it",
                "dead-letter-exception-class-name", "java.lang.IllegalStateException",
                "dead-letter-cause", "why",
                "dead-letter-cause-class-name", "java.lang.IllegalArgumentException",
                "dead-letter-topic", "helpdesk.events.v1",
                "dead-letter-partition", "2",
                "dead-letter-offset", "41"));
    }

    @Test
    void aRecordDeadLetteredAgainCarriesEachHeaderOnceWithTheNewReason() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("helpdesk.events.v1.dlq", 0, 7, "k", "v");
        record.headers().add(DeadLetter.REASON, "old".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, String> letter = DeadLetter.of(record, new IllegalStateException()).toRecord("x.dlq");

        assertThat(letter.headers().headers(DeadLetter.REASON)).hasSize(1);
        assertThat(headers(letter)).containsEntry(DeadLetter.REASON, "java.lang.IllegalStateException")
                .doesNotContainKey(DeadLetter.CAUSE);
    }

    @Test
    void aFailureFoundLaterNamesItsTopicReasonAndWhatTheCallerAdds() {
        DeadLetter letter = DeadLetter.of("acme/T-1", "{\"alertId\":\"a-1\"}", "followup.alerts.v1",
                "gave up after 8 attempts", "notification 12")
                .with("dead-letter-recipient", "lucia@example.com")
                .with(Map.of("ce_id", "a-1"))
                .with("dead-letter-absent", null);

        assertThat(headers(letter.toRecord("followup.alerts.v1.dlq"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "dead-letter-reason", "gave up after 8 attempts",
                "dead-letter-topic", "followup.alerts.v1",
                "dead-letter-recipient", "lucia@example.com",
                "ce_id", "a-1"));
        assertThat(letter.origin()).isEqualTo("notification 12");
        assertThat(letter.header("dead-letter-recipient")).isEqualTo("lucia@example.com");
    }

    private static Map<String, String> headers(ProducerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
