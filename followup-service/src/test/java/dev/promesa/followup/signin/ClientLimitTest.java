package dev.promesa.followup.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClientLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void aClientGetsItsLimitPerWindowAndThenWaitsForTheOldestToLeaveIt() {
        ClientLimit limit = new ClientLimit(3, Duration.ofHours(1), 100);
        assertThat(limit.allow("10.0.0.1", T0)).isTrue();
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(600))).isTrue();
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(1200))).isTrue();
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(1800))).isFalse();
        assertThat(limit.retryAfter("10.0.0.1", T0.plusSeconds(1800))).isEqualTo(Duration.ofMinutes(30));
        // refused requests do not count: the first one leaves the window an hour after it came
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(3599))).isFalse();
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(3600))).isTrue();
        assertThat(limit.allow("10.0.0.1", T0.plusSeconds(3601))).isFalse();
    }

    @Test
    void clientsAreCountedApart() {
        ClientLimit limit = new ClientLimit(1, Duration.ofHours(1), 100);
        assertThat(limit.allow("10.0.0.1", T0)).isTrue();
        assertThat(limit.allow("10.0.0.2", T0)).isTrue();
        assertThat(limit.allow("10.0.0.1", T0)).isFalse();
        assertThat(limit.retryAfter("10.0.0.2", T0)).isEqualTo(Duration.ofHours(1));
        assertThat(limit.retryAfter("10.0.0.3", T0)).isZero();
    }

    @Test
    void theClientsSeenLeastRecentlyAreForgottenFirstWhenMemoryIsFull() {
        ClientLimit limit = new ClientLimit(1, Duration.ofHours(1), 2);
        limit.allow("a", T0);
        limit.allow("b", T0);
        limit.allow("a", T0.plusSeconds(1)); // refused, but "a" is now the most recent
        limit.allow("c", T0.plusSeconds(2)); // "b" is forgotten
        assertThat(limit.allow("a", T0.plusSeconds(3))).isFalse();
        assertThat(limit.allow("b", T0.plusSeconds(3))).isTrue();
    }

    @Test
    void aLimitThatWouldLetNothingThroughIsRefused() {
        assertThatThrownBy(() -> new ClientLimit(0, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit ≥ 1");
    }
}
