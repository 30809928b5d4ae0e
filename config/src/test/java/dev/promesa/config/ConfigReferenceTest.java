package dev.promesa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    private static List<String> names() {
        return ConfigReference.settings().stream().map(ConfigReference.Setting::name).toList();
    }

    @Test
    void derivesEveryKeyFromTheMappingsWithDefaultsAndPlaceholders() {
        assertThat(names()).contains("promesa.api-keys", "promesa.publish-timeout", "promesa.commitments.user-grace",
                "promesa.sources.<source>.reply-to", "promesa.sources.<source>.teams.<team>.lead",
                "promesa.sources.<source>.status-map.<status>", "promesa.teams.<team>.manager",
                "promesa.calendars.<calendar>.zone", "promesa.sla.policies.<policy>.p1.first-response",
                "promesa.rate-limit.sources.<source>.burst", "promesa.delivery.retry-for",
                "promesa.sources.<source>.write-back.api-token", "promesa.write-back.max-attempts");
        assertThat(ConfigReference.find("promesa.commitments.user-grace")).get()
                .extracting(s -> s.defaultValue().orElse(null)).isEqualTo("PT30M");
        assertThat(ConfigReference.find("promesa.ticket-url-template")).get()
                .extracting(s -> s.defaultValue().isEmpty()).isEqualTo(true);
    }

    @Test
    void placeholdersMatchAnyOneNameQuotedOrNot() {
        assertThat(ConfigReference.find("promesa.sources.acme.teams.service-desk.lead")).isPresent();
        assertThat(ConfigReference.find("promesa.sources.acme.priority-map.\"2 normal\"")).isPresent();
        assertThat(ConfigReference.find("promesa.sources.acme.reply-to.extra")).isEmpty();
        assertThat(ConfigReference.find("promesa.sources.acme.replyto")).isEmpty();
    }

    @Test
    void environmentVariablesAreRecognisedByTheirUpperCaseForm() {
        assertThat(ConfigReference.findEnvironment("PROMESA_COMMITMENTS_USER_GRACE")).isPresent();
        assertThat(ConfigReference.findEnvironment("PROMESA_SOURCES_ACME_REPLY_TO")).isPresent();
        assertThat(ConfigReference.findEnvironment("PROMESA_COMITMENTS_USER_GRACE")).isEmpty();
    }

    @Test
    void aMisspeltKeyGetsTheClosestDocumentedOneWithItsOwnNamesFilledIn() {
        assertThat(ConfigReference.closest("promesa.comitments.user-grace")).isEqualTo(
                "promesa.commitments.user-grace");
        assertThat(ConfigReference.closest("promesa.sources.acme.replyto")).isEqualTo("promesa.sources.acme.reply-to");
        assertThat(ConfigReference.closest("promesa.teams.network.leader")).isEqualTo("promesa.teams.network.lead");
        assertThat(ConfigReference.closestEnvironment("PROMESA_COMITMENTS_USER_GRACE"))
                .isEqualTo("PROMESA_COMMITMENTS_USER_GRACE");
    }
}
