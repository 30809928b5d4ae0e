package dev.promesa.followup.duecheck;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.DueCheckConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.messaging.AckedProducer;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.messaging.NotAcknowledgedException;

/**
 * Publishes alerts, and the withdrawals of stale ones, to {@code followup.alerts.v1} and waits for the acknowledgements: {@link #publishAll} returns only
 * when Kafka holds every alert, so the caller may then delete the due items. Messaging's {@link AckedProducer}
 * (idempotent, {@code acks=all}, built from Quarkus' Kafka configuration) rather than a reactive-messaging emitter: one
 * blocking call with one clear outcome, within {@code promesa.due-check.publish-timeout}.
 */
@ApplicationScoped
public class AlertPublisher {

    private final ObjectMapper json;
    private final DueCheckConfig config;
    private final AckedProducer producer;

    AlertPublisher(ObjectMapper json, DueCheckConfig config, KafkaClients kafka) {
        this.json = json;
        this.config = config;
        this.producer = kafka.producer("followup-alerts", config.publishTimeout());
    }

    /** Sends every alert and waits until Kafka acknowledged all of them, or throws {@link AlertPublishException}. */
    public void publishAll(List<Alert> alerts) {
        send(alerts.stream().map(this::toRecord).toList());
    }

    /**
     * Sends records built by {@link #toRecord(Alert)} and {@link #toRecord(AlertWithdrawal)}, in this order, and waits
     * until Kafka acknowledged all of them, or throws {@link AlertPublishException}.
     */
    public void send(List<ProducerRecord<String, String>> records) {
        try {
            producer.sendAll(records);
        } catch (NotAcknowledgedException e) {
            throw new AlertPublishException(e.getMessage(), e);
        }
    }

    /**
     * A withdrawal, on the same topic and with the same key as the ticket's alerts (so it is read after them):
     * ce_type {@code followup.alert-withdrawn.v1}, ce_id its id, ce_time when it happened.
     */
    ProducerRecord<String, String> toRecord(AlertWithdrawal withdrawal) {
        TicketRef ticket = new TicketRef(withdrawal.source(), withdrawal.ticketId());
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(withdrawal.withdrawalId(), CloudEvents.TYPE_ALERT_WITHDRAWN, withdrawal.source(),
                withdrawal.at(), withdrawal.ticketId())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return new ProducerRecord<>(config.alertsTopic(), null, ticket.recordKey(),
                    json.writeValueAsString(withdrawal), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("withdrawal " + withdrawal.withdrawalId() + " cannot be written as JSON",
                    e);
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

    public static class AlertPublishException extends RuntimeException {
        AlertPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
