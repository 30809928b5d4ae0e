package dev.promesa.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Every Kafka client a service builds itself (its producers, intake's admin client), each from Quarkus' Kafka
 * configuration: the {@value #QUARKUS_KAFKA_CONFIG} map, which holds every {@code kafka.*} property (and
 * {@code KAFKA_*} environment variable) and is also what the Reactive Messaging channels are built from. So the
 * cluster's security protocol, SASL and TLS settings reach every producer and consumer of the service, with no list
 * of keys to keep up to date. Closes what it built when the service stops.
 */
@ApplicationScoped
public class KafkaClients {
    /** The identifier of Quarkus' Kafka configuration bean ({@code quarkus-kafka-client}). */
    public static final String QUARKUS_KAFKA_CONFIG = "default-kafka-broker";

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    private final Map<String, Object> configuration;
    private final List<AckedProducer> producers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> built = new CopyOnWriteArrayList<>();

    public KafkaClients(@Identifier(QUARKUS_KAFKA_CONFIG) Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
    }

    /** Quarkus' Kafka configuration, as the clients get it: {@code kafka.*} keys without the prefix. */
    public Map<String, Object> configuration() {
        return configuration;
    }

    /** An acknowledged producer for one job ({@code clientId} names it in the broker's logs and metrics). */
    public AckedProducer producer(String clientId, Duration timeout) {
        List<String> replaced = KafkaClientSettings.replacedInProducers(configuration);
        if (!replaced.isEmpty()) {
            LOG.warnf("Producer %s does not use %s from the kafka.* settings: it sets acks, idempotence, serializers, "
                    + "its client id and its timeouts itself (the guarantees of a 202 and of the due checks rest on "
                    + "them)", clientId, replaced);
        }
        AckedProducer producer = new AckedProducer(KafkaClientSettings.producer(configuration, clientId, timeout),
                timeout);
        producers.add(producer);
        built.add(producer);
        return producer;
    }

    /** Every producer built so far, for a service's check that they all carry the cluster's settings. */
    public List<AckedProducer> producers() {
        return List.copyOf(producers);
    }

    /** An admin client; closed with the others when the service stops. */
    public Admin admin(String clientId) {
        Admin admin = Admin.create(KafkaClientSettings.admin(configuration, clientId));
        built.add(() -> admin.close(Duration.ofSeconds(2)));
        return admin;
    }

    @PreDestroy
    void close() {
        for (AutoCloseable client : built) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.debugf("Closing a Kafka client failed: %s", Failures.describe(e));
            }
        }
        built.clear();
        producers.clear();
    }
}
