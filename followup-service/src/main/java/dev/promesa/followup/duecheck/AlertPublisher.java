package dev.promesa.followup.duecheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CloudEvents;

/**
 * Publishes alerts to {@code followup.alerts.v1} with a plain idempotent {@code acks=all} producer and waits for the
 * acknowledgements: {@link #publishAll} returns only when Kafka holds every alert, so the caller may then delete the
 * due items. (A plain producer rather than a reactive-messaging emitter: one blocking call with one clear outcome.)
 */
@ApplicationScoped
public class AlertPublisher {

    /** {@code ce_source} for alerts on tickets whose help desk is unknown (a placeholder never completed). */
    static final String FALLBACK_SOURCE = "promesa-followup";

    private final ObjectMapper json;
    private final DueCheckConfig config;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    AlertPublisher(ObjectMapper json, DueCheckConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.json = json;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends every alert and waits until Kafka acknowledged all of them, or throws. */
    public void publishAll(List<Alert> alerts) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            acks.add(producer().send(toRecord(alert)));
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertPublishException("interrupted while waiting for Kafka to acknowledge alerts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AlertPublishException("Kafka did not acknowledge " + alerts.size() + " alert(s) within "
                    + config.publishTimeout() + " (" + bootstrapServers + "): " + e, e);
        }
    }

    ProducerRecord<String, String> toRecord(Alert alert) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(alert.alertId(), CloudEvents.TYPE_ALERT,
                alert.source() == null ? FALLBACK_SOURCE : alert.source(), alert.firedAt(), alert.ticketId())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return new ProducerRecord<>(config.alertsTopic(), null, alert.ticketId(), json.writeValueAsString(alert),
                    headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alert.alertId() + " cannot be written as JSON", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerProperties());
                }
                current = producer;
            }
        }
        return current;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "followup-alerts");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMs = (int) config.publishTimeout().toMillis();
        // Give up within the publish timeout so a batch is either acknowledged or handed back, never left pending.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeoutMs));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    public static class AlertPublishException extends RuntimeException {
        AlertPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
