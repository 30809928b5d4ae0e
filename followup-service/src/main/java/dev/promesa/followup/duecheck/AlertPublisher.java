package dev.promesa.followup.duecheck;

import dev.promesa.config.DueCheckConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.followup.kafka.AckedProducer;

/**
 * Publishes alerts to {@code followup.alerts.v1} with a plain idempotent {@code acks=all} producer and waits for the
 * acknowledgements: {@link #publishAll} returns only when Kafka holds every alert, so the caller may then delete the
 * due items. (A plain producer rather than a reactive-messaging emitter: one blocking call with one clear outcome.)
 */
@ApplicationScoped
public class AlertPublisher {

    private final ObjectMapper json;
    private final DueCheckConfig config;
    private final AckedProducer producer;

    AlertPublisher(ObjectMapper json, DueCheckConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.json = json;
        this.config = config;
        this.producer = new AckedProducer(bootstrapServers, "followup-alerts", config.publishTimeout());
    }

    /** Sends every alert and waits until Kafka acknowledged all of them, or throws. */
    public void publishAll(List<Alert> alerts) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            acks.add(producer.get().send(toRecord(alert)));
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
                    + config.publishTimeout() + " (" + producer.bootstrapServers() + "): " + e, e);
        }
    }

    ProducerRecord<String, String> toRecord(Alert alert) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(alert.alertId(), CloudEvents.TYPE_ALERT, alert.source(), alert.firedAt(), alert.ticketId())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return new ProducerRecord<>(config.alertsTopic(), null, alert.ticketRef().recordKey(),
                    json.writeValueAsString(alert), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + alert.alertId() + " cannot be written as JSON", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    public static class AlertPublishException extends RuntimeException {
        AlertPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
