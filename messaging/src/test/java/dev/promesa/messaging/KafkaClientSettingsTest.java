package dev.promesa.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    /** What Quarkus' default-kafka-broker map holds for a SASL_SSL cluster: every kafka.* key without its prefix. */
    private static final Map<String, Object> CLUSTER = Map.of(
            "bootstrap.servers", "kafka-1:9093,kafka-2:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"p\" "
                    + "password=\"s\";",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.id", "followup-service");

    @Test
    void aProducerGetsEveryClusterSettingButTheConsumersGroup() {
        Map<String, Object> producer = KafkaClientSettings.producer(CLUSTER, "followup-alerts", Duration.ofSeconds(10));

        Map<String, Object> cluster = new java.util.HashMap<>(CLUSTER);
        cluster.remove("group.id");
        assertThat(producer).containsAllEntriesOf(cluster).doesNotContainKey("group.id");
    }

    @Test
    void theGuaranteesAreSetWhateverKafkaSettingsSay() {
        Map<String, Object> operator = Map.of("bootstrap.servers", "k:9092", "acks", "1",
                "enable.idempotence", "false", "delivery.timeout.ms", "120000", "client.id", "shared");

        Map<String, Object> producer = KafkaClientSettings.producer(operator, "promesa-intake", Duration.ofSeconds(5));

        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "promesa-intake")
                .containsEntry("key.serializer", "org.apache.kafka.common.serialization.StringSerializer")
                .containsEntry("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        assertThat(KafkaClientSettings.replacedInProducers(operator)).containsExactly("acks=1", "client.id=shared",
                "delivery.timeout.ms=120000", "enable.idempotence=false");
    }

    @Test
    void everyTimeoutKeepsASendWithinTheCallersBound() {
        Map<String, Object> producer = KafkaClientSettings.producer(Map.of(), "p", Duration.ofSeconds(10));
        assertThat(producer).containsEntry("max.block.ms", "10000").containsEntry("delivery.timeout.ms", "10000")
                .containsEntry("request.timeout.ms", "5000");
    }

    @Test
    void aShortTimeoutStillGivesKafkaATimeoutItAccepts() {
        // Kafka refuses delivery.timeout.ms < linger.ms + request.timeout.ms
        Map<String, Object> producer = KafkaClientSettings.producer(Map.of("linger.ms", "5"), "p",
                Duration.ofMillis(200));
        assertThat(producer).containsEntry("max.block.ms", "1000").containsEntry("request.timeout.ms", "1000")
                .containsEntry("delivery.timeout.ms", "1005");
    }

    @Test
    void tuningDefaultsYieldToTheOperator() {
        assertThat(KafkaClientSettings.producer(Map.of(), "p", Duration.ofSeconds(5)))
                .containsEntry("linger.ms", "2").containsEntry("compression.type", "lz4");
        assertThat(KafkaClientSettings.producer(Map.of("compression.type", "zstd"), "p", Duration.ofSeconds(5)))
                .containsEntry("compression.type", "zstd");
        assertThat(KafkaClientSettings.replacedInProducers(Map.of("compression.type", "zstd", "acks", "all")))
                .isEmpty();
    }

    @Test
    void anAdminClientGetsTheClusterSettingsToo() {
        assertThat(KafkaClientSettings.admin(CLUSTER, "promesa-intake-health"))
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("client.id", "promesa-intake-health").doesNotContainKey("group.id");
    }
}
