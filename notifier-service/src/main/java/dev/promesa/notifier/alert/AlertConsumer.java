package dev.promesa.notifier.alert;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code followup.alerts.v1} (group {@code notifier}) in batches: one call per poll (up to
 * {@code max.poll.records}), handled by {@link AlertIntake#accept} with one insert for the whole poll. At-least-once:
 * the poll's offsets are committed after that insert. Polls are handled one after another, so each partition stays in
 * order. Bad records are dead-lettered one by one by {@link AlertIntake}, never the whole poll.
 */
@ApplicationScoped
public class AlertConsumer {
    /** Channel name; the topic is set in configuration. */
    public static final String CHANNEL = "alerts";

    private final AlertIntake intake;

    AlertConsumer(AlertIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAlerts(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>(records.count());
        records.forEach(poll::add);
        intake.accept(poll);
    }
}
