package dev.promesa.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.TicketRef;

/**
 * Every record of some topics from their beginning, read on its own thread (no consumer group, so the services' groups
 * are untouched) and kept in memory: the alerts as followup published them, duplicates included, and the dead letters.
 * Survives a broker restart: the consumer reconnects by itself.
 */
final class TopicRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: the alert id ({@code ce_id}), its kind and level from the JSON, the producer's timestamp. */
    record Recorded(String topic, String alertId, String kind, int level, String ticketId, Instant timestamp,
            String recipientHeader) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Recorded> records = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicRecorder(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Recorded recorded = parse(record);
                    synchronized (this) {
                        records.add(recorded);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static Recorded parse(ConsumerRecord<String, String> record) {
        String kind = null;
        int level = 0;
        String alertId = header(record, "ce_id");
        try {
            JsonNode alert = JSON.readTree(record.value());
            kind = alert.path("kind").asText(null);
            level = alert.path("level").asInt();
            if (alertId == null) {
                alertId = alert.path("alertId").asText(null);
            }
        } catch (Exception e) {
            // not JSON: recorded with what the headers say
        }
        TicketRef ticket = TicketRef.fromRecordKey(record.key());
        return new Recorded(record.topic(), alertId, kind, level, ticket == null ? record.key() : ticket.ticketId(),
                Instant.ofEpochMilli(record.timestamp()),
                header(record, "dead-letter-recipient"));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    synchronized List<Recorded> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
