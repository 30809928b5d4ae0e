package dev.promesa.followup.operator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.promesa.config.IngestConfig;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;
import dev.promesa.messaging.Failures;
import dev.promesa.messaging.KafkaClients;

/**
 * How many dead letters of a source sit in Promesa's two dead-letter topics: followup's
 * ({@code promesa.ingest.dead-letter-topic}, the help-desk events it could not apply) and notifier's
 * ({@link Topics#ALERTS_DLQ}, alerts it could not read and emails it could not send). Read with a consumer of its own
 * (no group, nothing committed, built from Quarkus' {@code kafka.*} settings so TLS and SASL apply), on demand and at
 * most every {@link #FRESH_FOR}: the first count reads the topics from their start, later ones only what arrived since
 * ({@link DeadLetterTally}). A count that takes longer than {@link #READ_BUDGET} is shown as far as it got and goes on
 * at the next load. Keys and headers only: the values are never deserialized.
 */
@ApplicationScoped
public class DeadLetterCounts {

    /** How long a count is shown before the topics are read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** The most one page load spends reading the topics. */
    static final Duration READ_BUDGET = Duration.ofSeconds(4);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = Logger.getLogger(DeadLetterCounts.class);

    /** One topic's count for one source. */
    public record TopicCount(String topic, long records, Instant latest) {
    }

    /**
     * A source's counts, when they were counted, and how many records were still to be read then (0: complete);
     * {@code failure} when Kafka could not be read at all (then the counts, if any, are older).
     */
    public record Counted(List<TopicCount> topics, Instant countedAt, long stillToRead, Optional<String> failure) {
    }

    private final List<String> topics;
    private final Map<String, Object> kafka;
    private final Clock clock;
    private final DeadLetterTally tally = new DeadLetterTally();
    private KafkaConsumer<String, byte[]> consumer;
    private Instant countedAt;
    private long stillToRead;
    private String failure;

    DeadLetterCounts(IngestConfig ingest, KafkaClients clients, Clock clock) {
        this.topics = List.copyOf(new LinkedHashSet<>(List.of(ingest.deadLetterTopic(), Topics.ALERTS_DLQ)));
        this.kafka = clients.configuration();
        this.clock = clock;
    }

    /** The dead-letter topics, in the order the page lists them. */
    public List<String> topics() {
        return topics;
    }

    /** The source's counts, read again if the last count is older than {@link #FRESH_FOR}. */
    public synchronized Counted of(String source) {
        Instant now = clock.instant();
        // a clock put back (tests) counts again too
        if (countedAt == null || !now.isBefore(countedAt.plus(FRESH_FOR)) || now.isBefore(countedAt)
                || stillToRead > 0) {
            refresh(now);
        }
        List<TopicCount> counts = new ArrayList<>();
        for (String topic : topics) {
            DeadLetterTally.Count count = tally.count(topic, source);
            counts.add(new TopicCount(topic, count.records(), count.latest()));
        }
        return new Counted(List.copyOf(counts), countedAt, stillToRead, Optional.ofNullable(failure));
    }

    private void refresh(Instant now) {
        try {
            read(now);
            failure = null;
        } catch (RuntimeException e) {
            failure = Failures.describe(e);
            LOG.warnf("Board: could not count the dead letters on %s: %s. Check the Kafka connection "
                    + "(kafka.bootstrap.servers and the other kafka.* settings).", topics, failure);
            close();
        }
    }

    private void read(Instant now) {
        KafkaConsumer<String, byte[]> reader = consumer();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, KAFKA_TIMEOUT);
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        Set<DeadLetterTally.Partition> present = new HashSet<>();
        partitions.forEach(p -> present.add(key(p)));
        tally.retain(present);
        Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, KAFKA_TIMEOUT);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, KAFKA_TIMEOUT);
        Map<TopicPartition, Long> toRead = new LinkedHashMap<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            long next = tally.readFrom(key(partition), starts.getOrDefault(partition, 0L), end);
            if (next < end) {
                toRead.put(partition, end);
                from.put(partition, next);
            }
        }
        reader.assign(toRead.keySet());
        from.forEach(reader::seek);
        Instant deadline = Instant.now().plus(READ_BUDGET);
        while (!toRead.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                DeadLetterTally.Partition partition = new DeadLetterTally.Partition(record.topic(), record.partition());
                tally.add(partition, record.offset(), DeadLetterTally.sourceOf(header(record), record.key()),
                        record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
            }
            Map<TopicPartition, Long> done = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> entry : toRead.entrySet()) {
                long position = reader.position(entry.getKey(), KAFKA_TIMEOUT);
                tally.readUpTo(key(entry.getKey()), position);
                if (position >= entry.getValue()) {
                    done.put(entry.getKey(), position);
                }
            }
            done.keySet().forEach(toRead::remove);
        }
        reader.assign(List.of());
        long left = 0;
        for (Map.Entry<TopicPartition, Long> entry : toRead.entrySet()) {
            left += tally.remaining(key(entry.getKey()), entry.getValue());
        }
        stillToRead = left;
        countedAt = now;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> settings = new HashMap<>(kafka);
            settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "followup-board-dead-letter-counts");
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(KAFKA_TIMEOUT.toMillis()));
            settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(KAFKA_TIMEOUT.toMillis()));
            consumer = new KafkaConsumer<>(settings);
        }
        return consumer;
    }

    private static DeadLetterTally.Partition key(TopicPartition partition) {
        return new DeadLetterTally.Partition(partition.topic(), partition.partition());
    }

    private static String header(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvents.HEADER_SOURCE);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the dead-letter reader failed: %s", Failures.describe(e));
            }
            consumer = null;
        }
    }
}
