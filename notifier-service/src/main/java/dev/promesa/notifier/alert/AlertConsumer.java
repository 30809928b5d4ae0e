package dev.promesa.notifier.alert;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.Backoff;
import dev.promesa.messaging.DeadLetterPublisher;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.messaging.PollProcessor;
import dev.promesa.messaging.RetryPolicy;
import dev.promesa.messaging.Sleeper;

/**
 * Reads {@code followup.alerts.v1} (group {@code notifier}) in batches: one call per poll (up to
 * {@code max.poll.records}), run through messaging's {@link PollProcessor} with {@link AlertIntake}: one insert for the
 * whole poll; a database outage waited out; if the poll still fails, its alerts one by one; a bad record dead-lettered
 * alone on {@code followup.alerts.v1.dlq}, acknowledged before the poll ends. At-least-once: the poll's offsets are
 * committed after that. Polls are handled one after another, so each partition stays in order.
 */
@ApplicationScoped
public class AlertConsumer {
    /** Channel name; the topic is set in configuration. */
    public static final String CHANNEL = "alerts";

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

    private final PollProcessor<AlertIntake.Received> processor;

    AlertConsumer(AlertIntake intake, KafkaClients kafka, NotifierConfig config) {
        NotifierConfig.Intake settings = config.intake();
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(
                kafka.producer("notifier-unreadable-alerts", config.delivery().deadLetterTimeout()), Topics.ALERTS_DLQ);
        RetryPolicy retry = new RetryPolicy(settings.maxAttempts(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff()));
        this.processor = new PollProcessor<>(intake, deadLetters, retry, Sleeper.THREAD, LOG);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAlerts(ConsumerRecords<String, String> records) throws InterruptedException {
        processor.process(records);
    }
}
