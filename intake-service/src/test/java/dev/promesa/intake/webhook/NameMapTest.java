package dev.promesa.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.intake.webhook.freshdesk.FreshdeskMapper;
import dev.promesa.intake.webhook.jira.JiraMapper;
import dev.promesa.intake.webhook.zammad.ZammadMapper;
import dev.promesa.intake.webhook.zendesk.ZendeskMapper;

class NameMapTest {
    private final NameMap<TicketStatus> statuses = NameMap.fallingBackTo(TicketStatus.OPEN)
            .put("Waiting for customer", TicketStatus.WAITING_ON_USER)
            .put("Done", TicketStatus.RESOLVED)
            .build();

    @Test
    void namesMatchWhateverTheirCaseAndSpacing() {
        assertThat(statuses.resolve("waiting  FOR customer ", Map.of())).isEqualTo(TicketStatus.WAITING_ON_USER);
        assertThat(statuses.resolve("DONE", Map.of())).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void anUnknownOrMissingNameIsTheFallbackNeverAnError() {
        assertThat(statuses.resolve("Awaiting vendor", Map.of())).isEqualTo(TicketStatus.OPEN);
        assertThat(statuses.resolve("", Map.of())).isEqualTo(TicketStatus.OPEN);
        assertThat(statuses.resolve(null, Map.of())).isEqualTo(TicketStatus.OPEN);
        assertThat(statuses.find("Awaiting vendor", Map.of())).isEmpty();
    }

    @Test
    void aSourcesOverrideWinsOverTheDefault() {
        Map<String, TicketStatus> overrides = Map.of("done", TicketStatus.CLOSED, "Awaiting Vendor",
                TicketStatus.WAITING_ON_THIRD_PARTY);

        assertThat(statuses.resolve("Done", overrides)).isEqualTo(TicketStatus.CLOSED);
        assertThat(statuses.resolve("awaiting vendor", overrides)).isEqualTo(TicketStatus.WAITING_ON_THIRD_PARTY);
        assertThat(statuses.resolve("Waiting for customer", overrides)).isEqualTo(TicketStatus.WAITING_ON_USER);
    }

    @Test
    void aNameCannotBeMappedTwice() {
        assertThatThrownBy(() -> NameMap.fallingBackTo(Priority.P3).put("Low", Priority.P4).put("low", Priority.P3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The priority defaults of the issue, desk by desk. */
    @Test
    void documentedPriorityDefaults() {
        assertThat(ZammadMapper.PRIORITIES.defaults()).containsExactly(Map.entry("1 low", Priority.P4),
                Map.entry("2 normal", Priority.P3), Map.entry("3 high", Priority.P2));
        assertThat(ZendeskMapper.PRIORITIES.defaults()).containsExactly(Map.entry("low", Priority.P4),
                Map.entry("normal", Priority.P3), Map.entry("high", Priority.P2), Map.entry("urgent", Priority.P1));
        assertThat(FreshdeskMapper.PRIORITIES.defaults()).containsEntry("low", Priority.P4)
                .containsEntry("medium", Priority.P3).containsEntry("high", Priority.P2)
                .containsEntry("urgent", Priority.P1);
        assertThat(JiraMapper.PRIORITIES.defaults()).containsExactly(Map.entry("lowest", Priority.P4),
                Map.entry("low", Priority.P4), Map.entry("medium", Priority.P3), Map.entry("high", Priority.P2),
                Map.entry("highest", Priority.P1));
        assertThat(ZammadMapper.PRIORITIES.fallback()).isEqualTo(Priority.P3);
        assertThat(ZendeskMapper.PRIORITIES.fallback()).isEqualTo(Priority.P3);
        assertThat(FreshdeskMapper.PRIORITIES.fallback()).isEqualTo(Priority.P3);
        assertThat(JiraMapper.PRIORITIES.fallback()).isEqualTo(Priority.P3);
    }

    @Test
    void unknownStatusesFallBackToOpenOnEveryDesk() {
        assertThat(ZammadMapper.STATUSES.fallback()).isEqualTo(TicketStatus.OPEN);
        assertThat(ZendeskMapper.STATUSES.fallback()).isEqualTo(TicketStatus.OPEN);
        assertThat(FreshdeskMapper.STATUSES.fallback()).isEqualTo(TicketStatus.OPEN);
        assertThat(JiraMapper.STATUSES.fallback()).isEqualTo(TicketStatus.OPEN);
    }
}
