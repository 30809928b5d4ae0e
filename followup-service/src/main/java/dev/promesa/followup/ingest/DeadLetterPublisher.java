package dev.promesa.followup.ingest;

import dev.promesa.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.promesa.followup.kafka.AckedProducer;

/**
 * Puts records followup cannot process on {@code helpdesk.events.v1.dlq}: the record unchanged (key, value, its own
 * headers) plus the headers SmallRye's dead-letter-queue strategy sets, so tools and runbooks written for those keep
 * working. The consumer handles whole polls, and the connector's strategy would dead-letter a whole poll, so followup
 * publishes its dead letters itself, and only the bad records. {@link #publish} returns once Kafka acknowledged all of
 * them: the batch's offsets are committed only after that, so a dead letter is never lost.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    // The header names of io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.
    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_CAUSE = "dead-letter-cause";
    public static final String HEADER_EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String HEADER_CAUSE_CLASS = "dead-letter-cause-class-name";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final AckedProducer producer;

    DeadLetterPublisher(IngestConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.producer = new AckedProducer(bootstrapServers, "followup-dead-letters", ACK_TIMEOUT);
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** A record and why it cannot be processed. */
    public record DeadLetter(ConsumerRecord<String, String> record, Throwable reason) {
    }

    /** Sends every dead letter (in the given order) and waits until Kafka acknowledged all of them, or throws. */
    public void publish(List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            acks.add(producer.get().send(toRecord(deadLetter)));
        }
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka to acknowledge dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka (" + producer.bootstrapServers() + ") did not acknowledge "
                    + deadLetters.size() + " dead letter(s) on " + config.deadLetterTopic() + " within "
                    + ACK_TIMEOUT + ": " + e, e);
        }
    }

    ProducerRecord<String, String> toRecord(DeadLetter deadLetter) {
        ConsumerRecord<String, String> record = deadLetter.record();
        Throwable reason = deadLetter.reason();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, HEADER_EXCEPTION_CLASS, reason.getClass().getName());
        add(headers, HEADER_REASON, messageOf(reason));
        Throwable cause = reason.getCause();
        if (cause != null && cause != reason) {
            add(headers, HEADER_CAUSE_CLASS, cause.getClass().getName());
            add(headers, HEADER_CAUSE, messageOf(cause));
        }
        add(headers, HEADER_TOPIC, record.topic());
        add(headers, HEADER_PARTITION, Integer.toString(record.partition()));
        add(headers, HEADER_OFFSET, Long.toString(record.offset()));
        return new ProducerRecord<>(config.deadLetterTopic(), null, record.key(), record.value(), headers);
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
