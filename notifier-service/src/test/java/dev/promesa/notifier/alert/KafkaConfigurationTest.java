package dev.promesa.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

import dev.promesa.messaging.AckedProducer;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.notifier.delivery.DeadLetters;
import dev.promesa.testsupport.KafkaBroker;

/**
 * notifier's producers (dead letters of unreadable alerts and failed notifications, sent emails' timeline records) are
 * built from Quarkus' Kafka configuration, the same map its consumer channel is built from, so every {@code kafka.*}
 * key reaches them. The test
 * profile points the service at the broker's SASL_PLAINTEXT listener (KafkaResource), which refuses a client without
 * those settings: every alert this module's tests consume and every dead letter they read back went through it.
 */
@QuarkusTest
class KafkaConfigurationTest {

    @Inject
    @Identifier(KafkaClients.QUARKUS_KAFKA_CONFIG)
    Map<String, Object> kafka;

    @Inject
    KafkaClients clients;

    @Inject
    DeadLetters deadLetters; // built on first use; this makes sure its producer exists

    @Test
    void everyProducerCarriesEveryKafkaSetting() {
        deadLetters.publishPending();
        Map<String, Object> cluster = new HashMap<>(kafka);
        cluster.remove("group.id"); // Quarkus adds it for consumers

        assertThat(clients.producers()).extracting(AckedProducer::clientId)
                .contains("notifier-unreadable-alerts", "notifier-failed-notifications", "notifier-sent-emails");
        assertThat(clients.producers()).allSatisfy(p -> assertThat(p.settings()).containsAllEntriesOf(cluster));
        KafkaBroker.shared().sasl().ifPresent(sasl -> assertThat(kafka)
                .containsEntry("bootstrap.servers", sasl.bootstrapServers())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN"));
    }
}
