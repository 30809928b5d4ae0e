package dev.promesa.notifier.alert;

import dev.promesa.config.NotifierConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.promesa.contracts.Topics;
import dev.promesa.notifier.recipient.EmailAddresses;

/**
 * Puts a record the consumer cannot act on onto {@code followup.alerts.v1.dlq}: same key, same value, its own headers,
 * plus the headers SmallRye's dead-letter strategy sets ({@code dead-letter-reason}, {@code -cause},
 * {@code -exception-class-name}, {@code -topic}, {@code -partition}, {@code -offset}). The consumer reads in batches,
 * and the connector's strategy would dead-letter a whole batch for one bad record; this one takes the record alone.
 */
@ApplicationScoped
public class UnreadableAlerts {
    public static final String CHANNEL = "alerts-unreadable";

    private static final Logger LOG = Logger.getLogger(UnreadableAlerts.class);

    private final MutinyEmitter<Record<String, String>> emitter;
    private final Duration timeout;

    UnreadableAlerts(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter, NotifierConfig config) {
        this.emitter = emitter;
        this.timeout = config.delivery().deadLetterTimeout();
    }

    /** Publishes and waits for the broker's acknowledgement; throws if it does not come within the timeout. */
    void deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        header(headers, "dead-letter-exception-class-name", reason.getClass().getName());
        header(headers, "dead-letter-reason", reason.getMessage());
        if (reason.getCause() != null) {
            header(headers, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
            header(headers, "dead-letter-cause", reason.getCause().getMessage());
        }
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        emitter.sendMessage(Message.of(Record.of(record.key(), record.value()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers)
                        .build()))
                .await().atMost(timeout);
        LOG.warnf("Dead-lettered record %s-%d@%d (key %s) on %s: %s", record.topic(), record.partition(),
                record.offset(), record.key(), Topics.ALERTS_DLQ, EmailAddresses.maskedIn(reason.getMessage()));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
