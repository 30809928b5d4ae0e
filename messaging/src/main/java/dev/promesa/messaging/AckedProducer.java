package dev.promesa.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * The one way Promesa writes to Kafka: {@link #sendAll} hands the records to an idempotent {@code acks=all} producer
 * and returns only once Kafka acknowledged every one of them, or throws {@link NotAcknowledgedException} within the
 * producer's timeout (about one timeout: the sends stop at the first one that fails or once the time is up). Built by
 * {@link KafkaClients} from Quarkus' Kafka configuration ({@link KafkaClientSettings#producer}).
 * <p>
 * The Kafka producer itself is created on the first send, so a service whose broker cannot be resolved yet still
 * starts (and reports not-ready) instead of failing.
 */
public final class AckedProducer implements AutoCloseable {
    private final Map<String, Object> settings;
    private final Duration timeout;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean closed;

    AckedProducer(Map<String, Object> settings, Duration timeout) {
        this.settings = Collections.unmodifiableMap(settings);
        this.timeout = timeout;
    }

    /** What the Kafka producer is (or will be) built from. */
    public Map<String, Object> settings() {
        return settings;
    }

    public Duration timeout() {
        return timeout;
    }

    public String clientId() {
        return String.valueOf(settings.get(ProducerConfig.CLIENT_ID_CONFIG));
    }

    /** One record; see {@link #sendAll}. */
    public void send(ProducerRecord<String, String> record) {
        sendAll(List.of(record));
    }

    /**
     * Sends the records in the given order (each partition keeps that order) and waits for every acknowledgement.
     *
     * @throws NotAcknowledgedException if any record was not acknowledged within the timeout; some may have been
     *         written
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            KafkaProducer<String, String> kafka = producer();
            for (ProducerRecord<String, String> record : records) {
                Future<RecordMetadata> ack = kafka.send(record);
                acks.add(ack);
                if (ack.isDone()) {
                    ack.get(); // failed at once (no metadata within max.block.ms, too large): the rest would too
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("only " + acks.size() + " of " + records.size()
                            + " record(s) handed to the producer in time");
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw notAcknowledged(records, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw notAcknowledged(records, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcknowledged(records, e);
        }
    }

    private NotAcknowledgedException notAcknowledged(List<ProducerRecord<String, String>> records, Throwable cause) {
        List<String> topics = records.stream().map(ProducerRecord::topic).distinct().toList();
        return new NotAcknowledgedException("Kafka (" + settings.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                + ") did not acknowledge " + records.size() + " record(s) for " + String.join(", ", topics)
                + " within " + timeout + ": " + Failures.describe(cause), cause);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new KafkaException("producer " + clientId() + " is closed: the service is stopping");
                }
                if (producer == null) {
                    producer = new KafkaProducer<>(settings);
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
