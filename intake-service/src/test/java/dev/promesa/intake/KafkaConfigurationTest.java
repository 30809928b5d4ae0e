package dev.promesa.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.Identifier;

import dev.promesa.messaging.AckedProducer;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.testsupport.KafkaBroker;

/**
 * Intake's producer is built from Quarkus' Kafka configuration, so every {@code kafka.*} key reaches it. The test
 * profile points the service at the broker's SASL_PLAINTEXT listener (KafkaResource), which refuses a client without
 * {@code kafka.security.protocol} / {@code sasl.*}: every 202 of this module's tests went through it.
 */
@QuarkusTest
class KafkaConfigurationTest {

    @Inject
    @Identifier(KafkaClients.QUARKUS_KAFKA_CONFIG)
    Map<String, Object> kafka;

    @Inject
    KafkaClients clients;

    @Test
    void theProducerCarriesEveryKafkaSettingAndAuthenticatesWithThem() {
        // a request first, so the producer exists and has talked to the broker: 202 only after Kafka's acks
        ObjectNode ticket = SampleEvents.ticket(SampleEvents.newTicketId());
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A).body(ticket.toString())
                .when().post("/api/v1/tickets").then().statusCode(202);

        Map<String, Object> cluster = new HashMap<>(kafka);
        cluster.remove("group.id"); // Quarkus adds it for consumers
        assertThat(clients.producers()).extracting(AckedProducer::clientId).contains("promesa-intake");
        assertThat(clients.producers()).allSatisfy(p -> assertThat(p.settings()).containsAllEntriesOf(cluster));
        KafkaBroker.shared().sasl().ifPresent(sasl -> assertThat(kafka)
                .containsEntry("bootstrap.servers", sasl.bootstrapServers())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN"));
    }
}
