package dev.promesa.intake.publish;

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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.promesa.config.IntakeConfig;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.Topics;

/**
 * Publishes events to {@code helpdesk.events.v1} and returns only when Kafka acknowledged every one of them
 * ({@code acks=all}, idempotent producer). A plain {@link KafkaProducer} rather than a Reactive Messaging emitter: the
 * request thread must wait for exactly these records' acks, with a deadline, and nothing else.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final Duration timeout;
    private final Timer publishLatency;

    public EventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            IntakeConfig config, MeterRegistry registry) {
        this.timeout = config.publishTimeout();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "promesa-intake");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // send() must never block a request thread longer than the time the request may take in all.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "promesa-intake-health");
        this.admin = Admin.create(adminProps);
        this.publishLatency = Timer.builder("promesa.intake.publish")
                .description("Time from handing a request's events to Kafka until every one was acknowledged")
                .publishPercentileHistogram()
                .register(registry);
        LOG.infof("Publishing to %s on %s (acks=all, idempotent, timeout %s)", Topics.HELPDESK_EVENTS,
                bootstrapServers, timeout);
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
        long deadline = start + timeout.toNanos();
        List<Future<?>> acks = new ArrayList<>(events.size());
        try {
            for (OutgoingEvent event : events) {
                acks.add(producer.send(record(source, event)));
            }
            for (Future<?> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException | ExecutionException | org.apache.kafka.common.KafkaException e) {
            acks.forEach(ack -> ack.cancel(false));
            throw new PublishTimeoutException("Kafka did not acknowledge " + events.size() + " event(s) within "
                    + timeout + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishTimeoutException("Interrupted while waiting for Kafka", e);
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(2));
    }
}
