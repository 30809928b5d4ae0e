package dev.promesa.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record for a {@code .dlq} topic, in Promesa's one dead-letter format: the record's key, value and own headers
 * (its {@code ce_*} CloudEvents attributes among them), plus the headers SmallRye's dead-letter-queue strategy sets
 * ({@code io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue}), so tools and runbooks written for those
 * keep working. Each {@code dead-letter-*} header appears once: a record dead-lettered again carries the new reason.
 * Immutable.
 */
public final class DeadLetter {
    /** Why: the failure's message (its class name when it has none). */
    public static final String REASON = "dead-letter-reason";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    /** The failure's cause, when it has one. */
    public static final String CAUSE = "dead-letter-cause";
    public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    /** Where the record was read: topic, partition, offset. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final String key;
    private final String value;
    private final RecordHeaders headers;
    private final String origin;

    private DeadLetter(String key, String value, RecordHeaders headers, String origin) {
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.origin = origin;
    }

    /** A record read from a topic that cannot be processed, and why. */
    public static DeadLetter of(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        put(headers, EXCEPTION_CLASS, reason.getClass().getName());
        put(headers, REASON, messageOf(reason));
        Throwable cause = reason.getCause();
        if (cause != null && cause != reason) {
            put(headers, CAUSE_CLASS, cause.getClass().getName());
            put(headers, CAUSE, messageOf(cause));
        }
        put(headers, TOPIC, record.topic());
        put(headers, PARTITION, Integer.toString(record.partition()));
        put(headers, OFFSET, Long.toString(record.offset()));
        return new DeadLetter(record.key(), record.value(), headers, coordinates(record));
    }

    /**
     * A record that came from {@code topic} and failed for good later, when it is no longer the consumed record (a
     * notification that could not be sent): the value as it was read, the reason as text, and further
     * {@code dead-letter-*} headers by {@link #with}.
     */
    public static DeadLetter of(String key, String value, String topic, String reason, String origin) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, REASON, reason);
        put(headers, TOPIC, topic);
        return new DeadLetter(key, value, headers, origin);
    }

    /** This dead letter with one more header (replacing one of that name); a null value is left out. */
    public DeadLetter with(String name, String value) {
        RecordHeaders copy = copyOfHeaders();
        put(copy, name, value);
        return new DeadLetter(key, this.value, copy, origin);
    }

    /** This dead letter with more headers (e.g. the CloudEvents attributes of the record it stands for). */
    public DeadLetter with(Map<String, String> more) {
        RecordHeaders copy = copyOfHeaders();
        more.forEach((name, headerValue) -> put(copy, name, headerValue));
        return new DeadLetter(key, value, copy, origin);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** The value of a header, or null. */
    public String header(String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public List<Header> headers() {
        return List.of(headers.toArray());
    }

    /** Where it came from, for a log line: {@code topic-partition@offset}, or what the caller named. */
    public String origin() {
        return origin;
    }

    public ProducerRecord<String, String> toRecord(String deadLetterTopic) {
        return new ProducerRecord<>(deadLetterTopic, null, key, value, copyOfHeaders());
    }

    /** {@code topic-partition@offset}. */
    public static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private RecordHeaders copyOfHeaders() {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : headers) {
            copy.add(header);
        }
        return copy;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
