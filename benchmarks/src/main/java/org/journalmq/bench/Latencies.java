package org.journalmq.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency samples in nanoseconds from concurrent threads. Every sample is kept (a run records at
 * most a few hundred thousand), so the percentiles are exact, not bucketed.
 */
final class Latencies {

    private final long[] samples;
    private final AtomicInteger size = new AtomicInteger();

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    void record(long nanos) {
        int i = size.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        }
    }

    /** A sorted copy of the samples in milliseconds-ready form; call once the recording threads are done. */
    Snapshot snapshot() {
        long[] copy = Arrays.copyOf(samples, Math.min(size.get(), samples.length));
        Arrays.sort(copy);
        return new Snapshot(copy);
    }

    /** Sorted samples with nearest-rank percentiles. */
    static final class Snapshot {
        private final long[] sorted;

        private Snapshot(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /** Percentile {@code p} (0-100) in milliseconds; NaN without samples. */
        double millis(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }
    }
}
