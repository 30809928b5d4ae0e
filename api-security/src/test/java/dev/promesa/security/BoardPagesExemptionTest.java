package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The board's pages authenticate people with their session, not a key; nothing beside them is let through. */
class BoardPagesExemptionTest {

    @Test
    void boardPagesNeedNoKey() {
        assertThat(ApiKeyFilter.isBoard("/board")).isTrue();
        assertThat(ApiKeyFilter.isBoard("/board/acme/mine")).isTrue();
        assertThat(ApiKeyFilter.isBoard("/board/assets/board.css")).isTrue();
    }

    @Test
    void theApiStillNeedsAKey() {
        assertThat(ApiKeyFilter.isBoard("/boardx")).isFalse();
        assertThat(ApiKeyFilter.isBoard("/api/v1/board/acme")).isFalse();
        assertThat(ApiKeyFilter.isBoard("/BOARD/acme")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/board/acme/mine")).as("exempt from the key, not open").isFalse();
    }
}
