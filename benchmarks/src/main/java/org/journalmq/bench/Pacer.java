package org.journalmq.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a fixed rate by absolute deadlines: message i is due at start + i * interval. Sleeping
 * a fixed interval after each send would add the send time to every period and drift; with
 * deadlines a slow send is caught up on by the next ones instead.
 */
final class Pacer {

    private final long start;
    private final long intervalNanos;
    private long maxLateNanos;

    Pacer(double perSecond) {
        this.intervalNanos = Math.round(1e9 / perSecond);
        this.start = System.nanoTime();
    }

    /** Waits until message {@code i} is due. */
    void awaitTurn(long i) {
        long due = start + i * intervalNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        maxLateNanos = Math.max(maxLateNanos, System.nanoTime() - due);
    }

    /** The furthest behind schedule a send started, in milliseconds. */
    double maxLateMillis() {
        return maxLateNanos / 1e6;
    }
}
