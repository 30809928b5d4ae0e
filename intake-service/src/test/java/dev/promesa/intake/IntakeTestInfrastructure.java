package dev.promesa.intake;

import io.quarkus.test.common.QuarkusTestResource;

import dev.promesa.testsupport.KafkaResource;

/** One real Kafka broker for every test class of this module, and one Quarkus start. */
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
public final class IntakeTestInfrastructure {
    private IntakeTestInfrastructure() {
    }
}
