package dev.promesa.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample (nearest rank). */
public record Stats(int count, long min, long p50, long p90, long p99, long max) {

    public static Stats of(long[] values) {
        if (values.length == 0) {
            return new Stats(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    public static Stats of(List<Long> values) {
        return of(values.stream().mapToLong(Long::longValue).toArray());
    }

    static long rank(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
