package dev.promesa.notifier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import dev.promesa.notifier.chat.ChatServers;
import dev.promesa.notifier.writeback.DeskServers;
import dev.promesa.testsupport.KafkaResource;
import dev.promesa.testsupport.PostgresResource;
import dev.promesa.testsupport.SmtpResource;

/**
 * The real Kafka, PostgreSQL and SMTP server every @QuarkusTest of this module shares (one Quarkus start), and the
 * recording stand-ins for the help desks' APIs that write-back writes notes to and for the chat webhooks.
 */
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeskServers.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ChatServers.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure implements QuarkusTestBeforeClassCallback {
    /** The read API's key in the test profile (its hash is in application.properties, source test-reader). */
    public static final String API_KEY = "notifier-test-key";

    /** Adds the key to a RestAssured request that has none; a test that sets its own keeps it. */
    private static final Filter SEND_API_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("X-Api-Key")) {
            request.header("X-Api-Key", API_KEY);
        }
        return context.next(request, response);
    };

    /**
     * Every RestAssured request of every test class sends the key (registered in
     * META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback).
     */
    @Override
    public void beforeClass(Class<?> testClass) {
        if (!RestAssured.filters().contains(SEND_API_KEY)) {
            RestAssured.filters(SEND_API_KEY);
        }
    }
}
