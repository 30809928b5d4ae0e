package dev.promesa.intake.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.testsupport.webhook.DeskFixtures;

/** The desks' payloads (test-support's {@link DeskFixtures}), and what the mappers need around them. */
public final class Fixtures {
    /** Reads like the resource does: templated desks may put raw line breaks into strings. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS.mappedFeature());
    public static final Instant RECEIVED = Instant.parse("2026-11-26T12:00:00Z");

    private Fixtures() {
    }

    public static byte[] bytes(String desk, String name) {
        return DeskFixtures.bytes(desk, name);
    }

    public static JsonNode json(String desk, String name) {
        try {
            return JSON.readTree(bytes(desk, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture mapped as a delivery of {@code source} with these headers. */
    public static Mapping map(DeskMapper mapper, String desk, String name, WebhookSource source,
            Map<String, String> headers) {
        return mapper.map(json(desk, name),
                new Delivery(source, DeliveryHeaders.of(headers), bytes(desk, name), RECEIVED));
    }
}
