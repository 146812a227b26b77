package org.journalmq.cli.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;

/**
 * Reads the journal's figures once per period, whatever the number of browser tabs: pages are
 * served from the last snapshot and from a ring buffer of one hour per destination, held in memory
 * only (a restart starts empty, and the pages say so).
 *
 * <p>Rates come from the journal-wide counts ({@link DestinationFigures#journalEnqueued()},
 * {@link DestinationFigures#journalAcked()}): every JVM's sends and acks, as each JVM published them
 * at its last heartbeat, so a stand-alone console sees the applications' traffic, up to one
 * heartbeat period (lease / 3) late. Those sums never go down (a closed or dead JVM's counts are
 * kept), so a difference between two samples is traffic.
 *
 * <p>Memory: per destination and sample an int (depth) and two floats (rates), so 1,000
 * destinations sampled every 5 s for an hour take about 9 MB.
 */
final class Sampler implements AutoCloseable {
    static final long HISTORY_MS = 3_600_000;

    private final JournalAdmin admin;
    private final long periodMs;
    private final int capacity;
    private final long[] times;
    private int next;
    private int filled;
    private final Map<String, Series> series = new HashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private volatile JournalFigures latest;
    private volatile String lastError;
    private final ScheduledExecutorService timer;

    Sampler(JournalAdmin admin, long periodMs) {
        this.admin = admin;
        this.periodMs = periodMs;
        this.capacity = (int) Math.max(2, HISTORY_MS / periodMs);
        this.times = new long[capacity];
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journalmq-console-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes a first sample now, so that the first page has figures, then one per period. */
    void start() {
        sample();
        timer.scheduleWithFixedDelay(this::sample, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    long periodMs() {
        return periodMs;
    }

    /** Overview reads done so far: one per period (tests check that tabs add none). */
    long samples() {
        return samples.get();
    }

    JournalFigures latest() {
        return latest;
    }

    /** Why the last read failed, or null when it worked. */
    String lastError() {
        return lastError;
    }

    void sample() {
        JournalFigures f;
        try {
            f = admin.figures();
            samples.incrementAndGet();
            lastError = null;
        } catch (Exception e) {
            samples.incrementAndGet();
            // a journal that is down for a while: keep the last figures and say why on the pages
            lastError = String.valueOf(e.getMessage());
            return;
        }
        record(f, System.currentTimeMillis());
        latest = f;
    }

    private synchronized void record(JournalFigures f, long now) {
        int slot = next;
        long previous = filled == 0 ? 0 : times[(slot - 1 + capacity) % capacity];
        times[slot] = now;
        double seconds = previous == 0 ? 0 : (now - previous) / 1000.0;
        for (DestinationFigures d : f.destinations()) {
            Series s = series.computeIfAbsent(d.address(), a -> new Series(capacity));
            s.put(slot, d, seconds);
        }
        next = (slot + 1) % capacity;
        filled = Math.min(capacity, filled + 1);
        // forget destinations not seen for the whole history, so the buffer stays bounded
        for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
            Series s = it.next();
            if (s.lastSlot != slot) {
                s.clear(slot);
                if (++s.missed >= capacity) {
                    it.remove();
                }
            }
        }
    }

    /** The history of one address, oldest first: t (epoch s), depth, enqueued/s, acked/s; null where absent. */
    synchronized Map<String, List<Object>> history(String address) {
        Series s = series.get(address);
        Map<String, List<Object>> out = new HashMap<>();
        List<Object> t = new ArrayList<>();
        List<Object> depth = new ArrayList<>();
        List<Object> enq = new ArrayList<>();
        List<Object> deq = new ArrayList<>();
        for (int i = 0; i < filled; i++) {
            int slot = (next - filled + i + capacity) % capacity;
            t.add(times[slot] / 1000.0);
            boolean has = s != null && s.depth[slot] >= 0;
            depth.add(has ? (Object) s.depth[slot] : null);
            enq.add(has && !Float.isNaN(s.enqueued[slot]) ? (Object) s.enqueued[slot] : null);
            deq.add(has && !Float.isNaN(s.acked[slot]) ? (Object) s.acked[slot] : null);
        }
        out.put("t", t);
        out.put("depth", depth);
        out.put("enqueuedPerSec", enq);
        out.put("ackedPerSec", deq);
        return out;
    }

    /** The depths of the last hour of one address, oldest first, for a sparkline. */
    synchronized List<Integer> depths(String address) {
        Series s = series.get(address);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < filled && s != null; i++) {
            int slot = (next - filled + i + capacity) % capacity;
            out.add(Math.max(0, s.depth[slot]));
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One destination's samples, aligned with the sampler's time ring; depth -1 where it was absent. */
    private static final class Series {
        final int[] depth;
        final float[] enqueued;
        final float[] acked;
        long lastEnqueued = -1;
        long lastAcked = -1;
        int lastSlot = -1;
        int missed;

        Series(int capacity) {
            depth = new int[capacity];
            enqueued = new float[capacity];
            acked = new float[capacity];
            java.util.Arrays.fill(depth, -1);
        }

        void put(int slot, DestinationFigures d, double seconds) {
            depth[slot] = (int) Math.min(Integer.MAX_VALUE, d.depth());
            enqueued[slot] = rate(lastEnqueued, d.journalEnqueued(), seconds);
            acked[slot] = rate(lastAcked, d.journalAcked(), seconds);
            lastEnqueued = d.journalEnqueued();
            lastAcked = d.journalAcked();
            lastSlot = slot;
            missed = 0;
        }

        void clear(int slot) {
            depth[slot] = -1;
            enqueued[slot] = Float.NaN;
            acked[slot] = Float.NaN;
        }

        private static float rate(long before, long now, double seconds) {
            return before < 0 || seconds <= 0 ? Float.NaN : (float) (Math.max(0, now - before) / seconds);
        }
    }
}
