package dev.promesa.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void messageIdsDependOnAlertAndRecipientOnly() {
        assertThat(MessageIds.of("a-1", "ana@example.com")).isEqualTo(MessageIds.of("a-1", "ana@example.com"))
                .isNotEqualTo(MessageIds.of("a-1", "bob@example.com"))
                .isNotEqualTo(MessageIds.of("a-2", "ana@example.com"))
                .matches("<[0-9a-f]{40}@notifier\\.promesa>");
    }
}
