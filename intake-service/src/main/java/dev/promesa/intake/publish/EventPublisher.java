package dev.promesa.intake.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.promesa.config.IntakeConfig;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.AckedProducer;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.messaging.NotAcknowledgedException;

/**
 * Publishes events to {@code helpdesk.events.v1} and returns only when Kafka acknowledged every one of them
 * ({@code acks=all}, idempotent producer): messaging's {@link AckedProducer}, built from Quarkus' Kafka configuration,
 * so the cluster's security settings apply. Not a Reactive Messaging emitter: the request thread must wait for exactly
 * these records' acks, with a deadline, and nothing else.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final AckedProducer producer;
    private final Admin admin;
    private final Timer publishLatency;

    public EventPublisher(KafkaClients kafka, IntakeConfig config, MeterRegistry registry) {
        // send() never blocks a request thread longer than the time the request may take in all
        this.producer = kafka.producer("promesa-intake", config.publishTimeout());
        this.admin = kafka.admin("promesa-intake-health");
        this.publishLatency = Timer.builder("promesa.intake.publish")
                .description("Time from handing a request's events to Kafka until every one was acknowledged")
                .publishPercentileHistogram()
                .register(registry);
        LOG.infof("Publishing to %s on %s (%s, acks=all, idempotent, timeout %s)", Topics.HELPDESK_EVENTS,
                producer.settings().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                producer.settings().getOrDefault("security.protocol", "PLAINTEXT"), config.publishTimeout());
    }

    /**
     * Sends every event and waits until Kafka has all of them.
     *
     * @param source the help desk, {@code ce_source}
     * @throws PublishTimeoutException if any event is not acknowledged within the publish timeout; some may have been
     *         written, which is harmless: a retry carries the same event ids and consumers dedupe by them
     */
    public void publish(String source, List<OutgoingEvent> events) throws PublishTimeoutException {
        long start = System.nanoTime();
        try {
            producer.sendAll(events.stream().map(event -> record(source, event)).toList());
        } catch (NotAcknowledgedException e) {
            throw new PublishTimeoutException(e.getMessage(), e);
        }
        publishLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** True when the broker answers within a short timeout; used by the readiness check. */
    public boolean brokerAnswers(Duration within) {
        try {
            // The producer's cached metadata would say yes during an outage; ask the cluster itself.
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) within.toMillis())).nodes()
                    .get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Keyed by source and ticket ({@link TicketRef#recordKey()}): two desks' T-1 never share an order or a row. */
    private static ProducerRecord<String, String> record(String source, OutgoingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.HELPDESK_EVENTS,
                new TicketRef(source, event.ticketId()).recordKey(), event.json());
        CloudEvents.headers(event.eventId(), event.type(), source, event.occurredAt(), event.ticketId())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
