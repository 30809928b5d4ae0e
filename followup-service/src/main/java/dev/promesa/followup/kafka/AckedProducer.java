package dev.promesa.followup.kafka;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one way followup writes to Kafka itself (alerts, dead letters): idempotent {@code acks=all}, no linger, and every
 * timeout within {@code timeout} so a send is either acknowledged or failed, never left pending. Created on first use,
 * so a service whose broker is down still starts and reports not-ready instead of failing.
 */
public final class AckedProducer implements AutoCloseable {
    private final String bootstrapServers;
    private final String clientId;
    private final Duration timeout;
    private volatile KafkaProducer<String, String> producer;

    public AckedProducer(String bootstrapServers, String clientId, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.timeout = timeout;
    }

    public KafkaProducer<String, String> get() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(properties());
                }
                current = producer;
            }
        }
        return current;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotent with one producer: the records of one partition stay in the order they were sent
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMs = (int) Math.max(1000, timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    @Override
    public void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
