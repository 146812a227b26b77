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
 * end-to-end latency, counts each sequence number and so finds duplicates and losses. In this JVM
 * the latency is read on {@link System#nanoTime()} ({@link BenchContext#SENT_AT}); across JVMs
 * ({@link #wallClock}) on the wall clock in epoch microseconds ({@link BenchContext#SENT_MICROS}).
 */
final class Arrivals implements MessageListener {

    private final int expected;
    private final AtomicIntegerArray seen;
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Latencies latencies;
    private final CountDownLatch complete = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final boolean wallClock;
    private volatile long lastArrivalNanos;
    private volatile long lastArrivalMicros;

    Arrivals(int expected) {
        this(expected, new Latencies(expected), false);
    }

    /** Several consumers of the same messages (topic subscribers) recording into one set of samples. */
    Arrivals(int expected, Latencies shared) {
        this(expected, shared, false);
    }

    private Arrivals(int expected, Latencies latencies, boolean wallClock) {
        this.expected = expected;
        this.seen = new AtomicIntegerArray(expected);
        this.latencies = latencies;
        this.wallClock = wallClock;
    }

    /** Producer and consumer in different JVMs: latency = receive - send in epoch microseconds. */
    static Arrivals wallClock(int expected) {
        return new Arrivals(expected, new Latencies(expected), true);
    }

    /** Now on the wall clock in microseconds since the epoch. */
    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public void onMessage(Message m) {
        long now = System.nanoTime();
        long nowMicros = wallClock ? epochMicros() : 0;
        try {
            int seq = (int) m.getLongProperty(BenchContext.SEQ);
            if (seen.getAndIncrement(seq) > 0) {
                duplicates.incrementAndGet();
                return;
            }
            latencies.record(wallClock ? (nowMicros - m.getLongProperty(BenchContext.SENT_MICROS)) * 1_000
                    : now - m.getLongProperty(BenchContext.SENT_AT));
        } catch (JMSException | RuntimeException e) {
            fail(e);
            return;
        }
        if (distinct.incrementAndGet() == expected) {
            lastArrivalNanos = now;
            lastArrivalMicros = nowMicros;
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

    /** Wall-clock arrival of the last message, epoch microseconds ({@link #wallClock} only). */
    long lastArrivalMicros() {
        return lastArrivalMicros;
    }

    Latencies.Snapshot latencies() {
        return latencies.snapshot();
    }
}
