package dev.promesa.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key, with the default limit or its source's own. Only configured keys reach it (unknown
 * keys are refused before), so the number of buckets is bounded by the configuration.
 */
public final class RateLimiter {
    /** Sustained requests per second and the burst a quiet key may send at once. */
    public record Limit(double perSecond, int burst) {
        public Limit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("promesa.rate-limit: requests-per-second must be above 0 and burst "
                        + "at least 1 (got " + perSecond + " and " + burst + "); set promesa.rate-limit.enabled=false "
                        + "to turn the limit off");
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s requests/s, bursts up to %d",
                    perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond),
                    burst);
        }
    }

    private final boolean enabled;
    private final Limit defaultLimit;
    private final Map<String, Limit> bySource;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param defaultLimit null when disabled */
    public RateLimiter(boolean enabled, Limit defaultLimit, Map<String, Limit> bySource, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.defaultLimit = defaultLimit;
        this.bySource = Map.copyOf(bySource);
        this.nanoTime = nanoTime;
    }

    /**
     * Counts one request of the key.
     *
     * @return 0 when the request may go on, else the whole seconds to wait (at least 1), for {@code Retry-After}
     */
    public long acquire(ApiKeys.ApiKey key) {
        if (!enabled) {
            return 0;
        }
        long waitNanos = buckets.computeIfAbsent(key.id(), id -> {
            Limit limit = limitOf(key.source());
            return new TokenBucket(limit.perSecond(), limit.burst(), nanoTime);
        }).tryTake();
        long second = TimeUnit.SECONDS.toNanos(1);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + second - 1) / second);
    }

    public boolean enabled() {
        return enabled;
    }

    public Limit limitOf(String source) {
        return bySource.getOrDefault(source, defaultLimit);
    }

    public Map<String, Limit> sourceLimits() {
        return bySource;
    }
}
