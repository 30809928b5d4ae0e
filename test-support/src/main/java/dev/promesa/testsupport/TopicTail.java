package dev.promesa.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what arrives on a topic after the tail was opened: positioned at the end of every partition, no consumer
 * group, so tests never disturb the services' groups.
 */
public final class TopicTail implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    TopicTail(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
    }

    /** A topic created a moment ago may not be in the metadata yet: ask until it is. */
    private List<TopicPartition> partitions(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " has no partitions after 30 s; does it exist?");
            }
            try {
                Thread.sleep(100); // poll interval between metadata requests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** Waits until at least {@code count} records arrived; returns all received so far. */
    public synchronized List<ConsumerRecord<String, String>> awaitCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected at least " + count + " records on " + topic + " within " + timeout
                        + " but got " + received.size() + ": " + describe(received));
            }
            pollOnce(Duration.ofMillis(100));
        }
        return List.copyOf(received);
    }

    /** Everything that arrives during {@code duration}; for asserting that nothing more arrives. */
    public synchronized List<ConsumerRecord<String, String>> pollFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce(Duration.ofMillis(100));
        }
        return List.copyOf(received);
    }

    /** All records received so far (polls once for news). */
    public synchronized List<ConsumerRecord<String, String>> received() {
        pollOnce(Duration.ofMillis(50));
        return List.copyOf(received);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void pollOnce(Duration timeout) {
        consumer.poll(timeout).forEach(received::add);
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.key() + "=" + r.value()).toList().toString();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
