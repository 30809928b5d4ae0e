package dev.promesa.notifier.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The timing rules of carriers, with the documented defaults. */
class GatheringTest {
    private static final Gathering DEFAULTS = new Gathering(Duration.ofHours(1), Duration.ofMinutes(2), 5,
            Duration.ofMinutes(10));
    private static final Instant TEN = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void theFirstApologyWaitsTheGatherTime() {
        assertThat(DEFAULTS.apologyDue(TEN, null)).isEqualTo(TEN.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aLaterOneWaitsUntilTheWindowSinceTheLastEmailEnds() {
        Instant lastSent = TEN.minus(Duration.ofMinutes(20));
        assertThat(DEFAULTS.apologyDue(TEN, lastSent)).isEqualTo(Instant.parse("2026-11-26T10:40:00Z"));
        // after the window, only the gather time
        assertThat(DEFAULTS.apologyDue(TEN, TEN.minus(Duration.ofHours(3)))).isEqualTo(TEN.plusSeconds(120));
    }

    @Test
    void zeroDurationsTurnGatheringOff() {
        Gathering off = new Gathering(Duration.ZERO, Duration.ZERO, 5, Duration.ZERO);
        assertThat(off.gathersApologies()).isFalse();
        assertThat(off.digests()).isFalse();
        assertThat(DEFAULTS.gathersApologies()).isTrue();
        assertThat(DEFAULTS.digests()).isTrue();
    }

    @Test
    void aBurstWindowRunsForItsLengthAndItsDigestIsDueWhenItEnds() {
        assertThat(DEFAULTS.burstWindowRuns(TEN, TEN.plus(Duration.ofMinutes(9)))).isTrue();
        assertThat(DEFAULTS.burstWindowRuns(TEN, TEN.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(DEFAULTS.burstWindowRuns(null, TEN)).isFalse();
        assertThat(DEFAULTS.digestDue(TEN)).isEqualTo(Instant.parse("2026-11-26T10:10:00Z"));
    }
}
