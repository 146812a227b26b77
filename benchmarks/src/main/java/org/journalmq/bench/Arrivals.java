package org.journalmq.bench;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The consumer side of a run: a listener (shared by any number of sessions) that records the
 * end-to-end latency, counts each sequence number and so finds duplicates and losses.
 */
final class Arrivals implements MessageListener {

    private final int expected;
    private final AtomicIntegerArray seen;
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Latencies latencies;
    private final CountDownLatch complete = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long lastArrivalNanos;

    Arrivals(int expected) {
        this.expected = expected;
        this.seen = new AtomicIntegerArray(expected);
        this.latencies = new Latencies(expected);
    }

    @Override
    public void onMessage(Message m) {
        long now = System.nanoTime();
        try {
            int seq = (int) m.getLongProperty(BenchContext.SEQ);
            if (seen.getAndIncrement(seq) > 0) {
                duplicates.incrementAndGet();
                return;
            }
            latencies.record(now - m.getLongProperty(BenchContext.SENT_AT));
        } catch (JMSException | RuntimeException e) {
            fail(e);
            return;
        }
        if (distinct.incrementAndGet() == expected) {
            lastArrivalNanos = now;
            complete.countDown();
        }
    }

    /** Stops the wait early: a producer or listener failed. */
    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        complete.countDown();
    }

    /** True when every message arrived in time; rethrows the failure of a producer or listener. */
    boolean await(long timeoutSeconds) throws Exception {
        boolean done = complete.await(timeoutSeconds, TimeUnit.SECONDS);
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
        return done;
    }

    long distinct() {
        return distinct.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    Latencies.Snapshot latencies() {
        return latencies.snapshot();
    }
}
