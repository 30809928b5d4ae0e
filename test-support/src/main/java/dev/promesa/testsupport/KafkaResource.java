package dev.promesa.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the test JVM's Kafka broker. When the broker has its SASL_PLAINTEXT listener (the in-JVM
 * one always does), the service is pointed at that one, with {@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config}: every producer, consumer and admin client of the
 * service must then take those settings from Quarkus' Kafka configuration, or it cannot connect at all. The tests'
 * own clients ({@link KafkaBroker#send}, {@link KafkaBroker#tail}) keep using the PLAINTEXT listener.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        Map<String, String> config = new HashMap<>();
        broker.sasl().ifPresentOrElse(sasl -> {
            config.put("kafka.bootstrap.servers", sasl.bootstrapServers());
            sasl.clientSettings().forEach((key, value) -> config.put("kafka." + key, value));
        }, () -> config.put("kafka.bootstrap.servers", broker.bootstrapServers()));
        // The in-JVM broker logs through the service's logging: keep its chatter out of the test output.
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM; stopped by a shutdown hook.
    }
}
