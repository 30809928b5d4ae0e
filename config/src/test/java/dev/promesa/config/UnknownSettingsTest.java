package dev.promesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class UnknownSettingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "application.properties",
                250)).build();
    }

    @Test
    void everyDocumentedKeyOfAnyServiceIsAccepted() {
        assertThat(UnknownSettings.problems(config(Map.of(
                "promesa.publish-timeout", "PT3S",
                "promesa.teams.service-desk.lead", "lead@example.com",
                "promesa.sources.acme.teams.network.name", "Redes",
                "promesa.sources.acme.priority-map.\"2 normal\"", "P3",
                "%test.promesa.commitments.user-grace", "PT3S",
                "quarkus.http.port", "8081")))).isEmpty();
    }

    @Test
    void aMisspeltKeyIsNamedWithWhereItWasAndTheClosestValidOne() {
        assertThat(UnknownSettings.problems(config(Map.of("promesa.sources.acme.replyto", "help@acme.example",
                "%dev.promesa.comitments.user-grace", "PT1M"))))
                .containsExactly(
                        "'promesa.comitments.user-grace' (in PropertiesConfigSource[source=application.properties]): did you mean "
                                + "'promesa.commitments.user-grace'?",
                        "'promesa.sources.acme.replyto' (in PropertiesConfigSource[source=application.properties]): did you mean "
                                + "'promesa.sources.acme.reply-to'?");
    }

    @Test
    void aRetiredKeyIsNamedWithWhatReplacedIt() {
        assertThat(UnknownSettings.problems(config(Map.of("%test.promesa.delivery.max-attempts", "5"))))
                .singleElement().asString()
                .startsWith(
                        "'promesa.delivery.max-attempts' (in PropertiesConfigSource[source=application.properties]) "
                                + "is no longer a setting; it was replaced by promesa.delivery.retry-for");
        assertThat(UnknownSettings.RETIRED).allSatisfy((retired, replacement) -> assertThat(ConfigReference
                .find(retired)).as("%s is retired, not a key of the reference", retired).isEmpty());
    }
}
