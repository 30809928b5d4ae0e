package dev.promesa.followup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import dev.promesa.followup.migration.LegacyDatabase;
import dev.promesa.testsupport.KafkaResource;
import dev.promesa.testsupport.SmtpResource;

/**
 * One real Kafka broker, one real PostgreSQL database (upgraded from an old schema with data, see
 * {@link LegacyDatabase}), a WireMock identity provider for the board's OIDC sign-in (quarkus-test-oidc-server,
 * {@code keycloak.url}; see signin's OidcSignInTest), the test JVM's SMTP server for the board's sign-in links
 * (SmtpResource; see signin's SignInTest) and one Quarkus start for every test class of this module.
 */
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = LegacyDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure implements QuarkusTestBeforeClassCallback {
    /** The read API's key in the test profile (its hash is in application.properties, source desk-test, the source HelpdeskEvents sends as). */
    public static final String API_KEY = "followup-test-key";

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
