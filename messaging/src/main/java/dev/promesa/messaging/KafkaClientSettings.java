package dev.promesa.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of the Kafka clients Promesa builds itself (its producers and intake's admin client). They start from
 * Quarkus' Kafka configuration, the {@code default-kafka-broker} map that holds every {@code kafka.*} property without
 * its prefix ({@code kafka.security.protocol} → {@code security.protocol}), so the cluster's bootstrap servers,
 * security protocol, SASL and TLS settings reach these clients exactly as they reach the Reactive Messaging channels.
 * <p>
 * On top, a producer gets what Promesa's guarantees rest on, whatever {@code kafka.*} says: {@code acks=all} and
 * idempotence (a 202 or a deleted due item means every in-sync replica has the record, once), string serializers,
 * its own client id, and timeouts that keep every send within the caller's bound. Below the {@code kafka.*} settings,
 * two tuning defaults an operator may change: a 2 ms linger and lz4 compression. Pure.
 */
public final class KafkaClientSettings {

    /** Put into Quarkus' map for the consumers (the application name as group id); a producer has no use for them. */
    static final Set<String> CONSUMER_ONLY = Set.of(ConsumerConfig.GROUP_ID_CONFIG);

    private static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, "2",
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");

    /** Set per producer from what it is for (its client id, its caller's timeout), never from {@code kafka.*}. */
    private static final Set<String> DERIVED = Set.of(ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);

    /** The shortest timeout a client gets: below a second, a loaded machine fails sends that would succeed. */
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    private KafkaClientSettings() {
    }

    /**
     * A producer whose sends are acknowledged or failed within {@code timeout}: {@code max.block.ms} (metadata, a full
     * buffer) and {@code delivery.timeout.ms} are the timeout, a request half of it, so a lost request is retried once
     * within the bound.
     */
    public static Map<String, Object> producer(Map<String, Object> kafka, String clientId, Duration timeout) {
        Map<String, Object> settings = new LinkedHashMap<>(PRODUCER_DEFAULTS);
        kafka.forEach((key, value) -> {
            if (!CONSUMER_ONLY.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.putAll(producerGuarantees(clientId, timeout, lingerMs(settings)));
        return settings;
    }

    /** An admin client (intake's readiness check): the cluster's settings and a client id. */
    public static Map<String, Object> admin(Map<String, Object> kafka, String clientId) {
        Map<String, Object> settings = new LinkedHashMap<>();
        kafka.forEach((key, value) -> {
            if (!CONSUMER_ONLY.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }

    /**
     * The {@code kafka.*} settings a producer does not take because Promesa sets them itself: a guarantee set to
     * another value ({@code acks=1}), or a client id or timeout, which each producer derives from its own job. Worth
     * a warning at start: the operator meant something by them.
     */
    public static List<String> replacedInProducers(Map<String, Object> kafka) {
        Map<String, Object> guarantees = producerGuarantees("", MIN_TIMEOUT, 0);
        return kafka.entrySet().stream()
                .filter(e -> guarantees.containsKey(e.getKey()))
                .filter(e -> DERIVED.contains(e.getKey())
                        || !String.valueOf(guarantees.get(e.getKey())).equals(String.valueOf(e.getValue()).trim()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    private static Map<String, Object> producerGuarantees(String clientId, Duration timeout, long lingerMs) {
        long timeoutMs = Math.max(MIN_TIMEOUT.toMillis(), timeout.toMillis());
        long requestMs = Math.max(MIN_TIMEOUT.toMillis(), timeoutMs / 2);
        // Kafka refuses a delivery timeout below linger + request timeout.
        long deliveryMs = Math.max(timeoutMs, requestMs + lingerMs);
        Map<String, Object> guarantees = new LinkedHashMap<>();
        guarantees.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        guarantees.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotent: a retried batch is written once, and one partition's records stay in the order they were sent
        guarantees.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        guarantees.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        guarantees.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        guarantees.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
        guarantees.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestMs));
        guarantees.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryMs));
        return guarantees;
    }

    private static long lingerMs(Map<String, Object> settings) {
        try {
            return Long.parseLong(String.valueOf(settings.get(ProducerConfig.LINGER_MS_CONFIG)).trim());
        } catch (NumberFormatException e) {
            return 0; // the producer refuses it with a message naming linger.ms
        }
    }
}
