package dev.promesa.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void theDesksFormats() {
        assertThat(Timestamps.parse("2020-11-13T14:34:35.282Z")).isEqualTo(Instant.parse("2020-11-13T14:34:35.282Z"));
        assertThat(Timestamps.parse("2025-01-08T14:25:30.123456789Z")).isEqualTo(
                Instant.parse("2025-01-08T14:25:30.123456789Z"));
        assertThat(Timestamps.parse("2018-01-23T17:14:04.071-0500")).isEqualTo(
                Instant.parse("2018-01-23T22:14:04.071Z"));
        assertThat(Timestamps.parse("2026-11-26T09:00:00+01:00")).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(Timestamps.parse("2026-11-26 09:00:00 UTC")).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(Timestamps.parse("2026-11-26 10:00:00 +0100")).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(Timestamps.ofEpochMillis(1795680000000L)).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void noOffsetNoGuess() {
        assertThat(Timestamps.parse("2026-11-26T09:00:00")).isNull();
        assertThat(Timestamps.parse("26/11/2026 09:00")).isNull();
        assertThat(Timestamps.parse("November 26 2026 at 09:00 AM CET")).isNull();
    }
}
