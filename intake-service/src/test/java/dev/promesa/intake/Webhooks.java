package dev.promesa.intake;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.testsupport.webhook.DeskSigner;

/** Posts desk fixtures to the webhook endpoint, signed as each desk signs, with the test profile's secrets. */
final class Webhooks {
    /** The test profile's sources (application.properties), one per desk. */
    static final Map<String, String> SOURCE = Map.of("zammad", "zammad-acme", "jira", "jira-acme", "zendesk",
            "zendesk-acme", "freshdesk", "freshdesk-acme");
    static final Map<String, String> SECRET = Map.of("zammad-acme", "zammad-test-token", "jira-acme",
            "jira-test-secret", "zendesk-acme", "zendesk-test-signing-secret", "freshdesk-acme",
            "freshdesk-test-secret");

    private Webhooks() {
    }

    /** The headers the desk sends with {@code body}, signed with {@code secret}; a fresh delivery id where it has one. */
    static Map<String, String> signed(String desk, String secret, byte[] body) {
        return signed(desk, secret, body, UUID.randomUUID().toString(), Instant.now());
    }

    static Map<String, String> signed(String desk, String secret, byte[] body, String deliveryId, Instant at) {
        return DeskSigner.headers(desk, secret, body, deliveryId, at);
    }

    static Response post(String desk, String source, byte[] body, Map<String, String> headers) {
        return given().contentType("application/json").headers(headers).body(body)
                .when().post("/api/v1/webhooks/{desk}/{source}", desk, source);
    }

    /** A fixture, signed and posted to its desk's test source. */
    static Response postFixture(String desk, String fixture) {
        byte[] body = Fixtures.bytes(desk, fixture);
        String source = SOURCE.get(desk);
        return post(desk, source, body, signed(desk, SECRET.get(source), body));
    }

    /** Posts a valid delivery and returns its event ids (for NothingPublished's marker). */
    static List<String> acceptedIds(String desk, String source, byte[] body, Map<String, String> headers) {
        return post(desk, source, body, headers).then().statusCode(202).extract().jsonPath()
                .getList("eventIds", String.class);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
