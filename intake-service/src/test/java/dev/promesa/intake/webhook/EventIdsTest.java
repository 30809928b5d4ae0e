package dev.promesa.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.promesa.intake.validation.EventReader;
import dev.promesa.intake.validation.FieldRules;

class EventIdsTest {

    @Test
    void readableWhileTheyFit() {
        String base = EventIds.base(Desk.ZAMMAD, "5f6c2b1e-3a4d-4e8f-9b0a-1c2d3e4f5a6b");
        assertThat(base).isEqualTo("zammad:5f6c2b1e-3a4d-4e8f-9b0a-1c2d3e4f5a6b");
        assertThat(EventIds.ticket(base)).isEqualTo(base + ":ticket");
        assertThat(EventIds.comment(base)).isEqualTo(base + ":comment");
    }

    @Test
    void aPartThatDoesNotFitTheIdRulesIsHashedDeterministically() {
        String longDelivery = "x".repeat(300);
        String strange = "line\nbreak";

        String hashed = EventIds.base(Desk.JIRA, longDelivery);

        assertThat(hashed).startsWith("jira:sha256:").isEqualTo(EventIds.base(Desk.JIRA, longDelivery));
        assertThat(EventIds.base(Desk.JIRA, strange)).startsWith("jira:sha256:").isNotEqualTo(hashed);
        assertThat(FieldRules.idProblem(EventIds.comment(hashed), EventReader.MAX_ID_LENGTH)).isNull();
    }

    @Test
    void bodyDigestsDifferWithTheBody() {
        assertThat(EventIds.digest("a".getBytes())).isEqualTo(EventIds.digest("a".getBytes()))
                .isNotEqualTo(EventIds.digest("b".getBytes())).startsWith("body-").hasSize(21);
    }
}
