package org.journalmq.cli;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end latencies in nanoseconds, recorded from many listener threads at once. Keeps every
 * sample (the demo's counts are small), so percentiles are exact rather than estimated.
 */
final class Latencies {

    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    /** Records one sample; samples beyond the capacity (duplicates) are ignored. */
    void record(long nanos) {
        int i = next.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        }
    }

    int count() {
        return Math.min(next.get(), samples.length);
    }

    /** Percentile {@code p} (0-100) in milliseconds, nearest-rank; NaN with no samples. */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(samples, count());
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
