package dev.promesa.followup;

import io.quarkus.test.common.QuarkusTestResource;

import dev.promesa.testsupport.KafkaResource;
import dev.promesa.testsupport.PostgresResource;

/** One real Kafka broker, one real PostgreSQL database and one Quarkus start for every test class of this module. */
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
