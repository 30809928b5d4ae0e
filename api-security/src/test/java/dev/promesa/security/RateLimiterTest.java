package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.promesa.security.RateLimiter.Limit;

class RateLimiterTest {
    private static final ApiKeys.ApiKey KEY = new ApiKeys.ApiKey("desk-a", "desk-a#1");
    private final AtomicLong now = new AtomicLong(1_000);

    private RateLimiter limiter(double perSecond, int burst) {
        return new RateLimiter(true, new Limit(perSecond, burst), Map.of(), now::get);
    }

    @Test
    void aBurstPassesThenTheRateHolds() {
        RateLimiter limiter = limiter(10, 20);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire(KEY)).as("request %d of the burst", i + 1).isZero();
        }
        assertThat(limiter.acquire(KEY)).as("the 21st at once").isEqualTo(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // one token at 10/s
        assertThat(limiter.acquire(KEY)).isZero();
        assertThat(limiter.acquire(KEY)).isEqualTo(1);
    }

    @Test
    void theBucketRefillsOnlyUpToTheBurst() {
        RateLimiter limiter = limiter(10, 5);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(KEY)).isZero();
        }
        assertThat(limiter.acquire(KEY)).isPositive();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = limiter(0.25, 1); // one request per 4 s

        assertThat(limiter.acquire(KEY)).isZero();
        assertThat(limiter.acquire(KEY)).isEqualTo(4);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2_500));
        assertThat(limiter.acquire(KEY)).isEqualTo(2);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500));
        assertThat(limiter.acquire(KEY)).isZero();
    }

    @Test
    void eachKeyHasItsOwnBucketEvenWithinOneSource() {
        RateLimiter limiter = limiter(1, 1);
        ApiKeys.ApiKey rotated = new ApiKeys.ApiKey("desk-a", "desk-a#2");

        assertThat(limiter.acquire(KEY)).isZero();
        assertThat(limiter.acquire(KEY)).isPositive();
        assertThat(limiter.acquire(rotated)).isZero();
        assertThat(limiter.acquire(new ApiKeys.ApiKey("desk-b", "desk-b#1"))).isZero();
    }

    @Test
    void aSourceMayHaveItsOwnLimit() {
        RateLimiter limiter = new RateLimiter(true, new Limit(1, 1), Map.of("big-desk", new Limit(1, 3)), now::get);
        ApiKeys.ApiKey big = new ApiKeys.ApiKey("big-desk", "big-desk#1");

        assertThat(limiter.acquire(big)).isZero();
        assertThat(limiter.acquire(big)).isZero();
        assertThat(limiter.acquire(big)).isZero();
        assertThat(limiter.acquire(big)).isPositive();
        assertThat(limiter.acquire(KEY)).isZero();
        assertThat(limiter.acquire(KEY)).isPositive();
    }

    @Test
    void offMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(false, null, Map.of(), now::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire(KEY)).isZero();
        }
    }

    @Test
    void anImpossibleLimitIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> new Limit(0, 10)).hasMessageContaining("promesa.rate-limit.enabled=false");
        assertThatThrownBy(() -> new Limit(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Limit(200, 400)).hasToString("200 requests/s, bursts up to 400");
    }
}
