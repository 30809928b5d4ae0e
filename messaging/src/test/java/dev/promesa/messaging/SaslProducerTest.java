package dev.promesa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.KafkaBroker.SaslListener;
import dev.promesa.testsupport.TopicTail;

/**
 * The producer is built from Quarkus' Kafka configuration, so the cluster's security settings reach it: against the
 * test broker's SASL_PLAINTEXT listener, a map like {@code default-kafka-broker}'s (the {@code kafka.*} keys without
 * their prefix) with {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} authenticates and
 * is acknowledged; without them, or with a wrong password, nothing is written and the send fails within its timeout.
 * (Each service's tests run against the same listener, so all their producers and consumers prove it too.)
 */
class SaslProducerTest {
    private static final String TOPIC = "messaging.sasl-check";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static KafkaBroker broker;
    private static SaslListener sasl;
    private KafkaClients clients;

    @BeforeAll
    static void broker() {
        broker = KafkaBroker.shared();
        Assumptions.assumeTrue(broker.sasl().isPresent(), "the broker from KAFKA_BOOTSTRAP_SERVERS has no SASL "
                + "listener of ours");
        sasl = broker.sasl().orElseThrow();
        broker.createTopics(1, TOPIC);
    }

    @AfterEach
    void close() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void withTheClustersSaslSettingsTheProducerAuthenticatesAndIsAcknowledged() {
        clients = new KafkaClients(quarkusKafkaConfiguration(sasl.clientSettings()));
        AckedProducer producer = clients.producer("sasl-check", TIMEOUT);
        String value = "authenticated-" + UUID.randomUUID();

        try (TopicTail tail = broker.tail(TOPIC)) {
            producer.send(new ProducerRecord<>(TOPIC, "k", value));

            assertThat(tail.awaitCount(1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                    .containsExactly(value);
        }
        assertThat(producer.settings()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void withoutThemItDoesNotConnectInPlainTextAndNothingIsWritten() {
        clients = new KafkaClients(quarkusKafkaConfiguration(Map.of()));
        AckedProducer producer = clients.producer("sasl-check-plain", TIMEOUT);

        assertRefusedAndNothingWritten(producer);
    }

    @Test
    void aWrongPasswordIsRefusedByTheBroker() {
        clients = new KafkaClients(
                quarkusKafkaConfiguration(SaslListener.clientSettings(sasl.user(), "not-the-password")));
        AckedProducer producer = clients.producer("sasl-check-wrong", TIMEOUT);

        Throwable refusal = assertRefusedAndNothingWritten(producer);
        assertThat(refusal).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    private static Throwable assertRefusedAndNothingWritten(AckedProducer producer) {
        String refused = "refused-" + UUID.randomUUID();
        String marker = "marker-" + UUID.randomUUID();
        try (TopicTail tail = broker.tail(TOPIC)) {
            long start = System.nanoTime();
            Throwable refusal = catchThrowable(
                    () -> producer.send(new ProducerRecord<>(TOPIC, "k", refused)));
            assertThat(refusal).isInstanceOf(NotAcknowledgedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(2));

            // Proof that nothing was written: a marker on the same (single) partition arrives, and it comes alone.
            broker.send(TOPIC, "k", marker, Map.of());
            List<ConsumerRecord<String, String>> seen = tail.awaitCount(1, Duration.ofSeconds(30));
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly(marker);
            return refusal;
        }
    }

    /** As Quarkus builds {@code default-kafka-broker}: the service's {@code kafka.*} keys without the prefix. */
    private static Map<String, Object> quarkusKafkaConfiguration(Map<String, String> security) {
        Map<String, Object> kafka = new HashMap<>(security);
        kafka.put("bootstrap.servers", sasl.bootstrapServers());
        kafka.put("group.id", "messaging-test");
        return kafka;
    }
}
