package dev.promesa.notifier;

import io.quarkus.test.common.QuarkusTestResource;

import dev.promesa.testsupport.KafkaResource;
import dev.promesa.testsupport.PostgresResource;
import dev.promesa.testsupport.SmtpResource;

/** The real Kafka, PostgreSQL and SMTP server every @QuarkusTest of this module shares (one Quarkus start). */
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
