package org.journalmq.bench.jdbc;

import java.util.concurrent.atomic.LongAdder;

/**
 * Statements executed through {@link CountingDriver}, by who executed them, told apart by the
 * thread name: JournalMQ names its maintenance threads {@code journalmq-maintenance-N} and (when it
 * has one) its PostgreSQL LISTEN thread {@code journalmq-listen-N}; every other thread (session
 * delivery, writer, the application) counts as consumers/other.
 */
public final class StatementCounts {

    private static final LongAdder MAINTENANCE = new LongAdder();
    private static final LongAdder LISTEN = new LongAdder();
    private static final LongAdder OTHER = new LongAdder();

    private StatementCounts() {
    }

    /** Counts so far. */
    public record Snapshot(long consumers, long maintenance, long listen) {
        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(consumers - earlier.consumers, maintenance - earlier.maintenance,
                    listen - earlier.listen);
        }
    }

    static void count(String threadName) {
        if (threadName.startsWith("journalmq-maintenance-")) {
            MAINTENANCE.increment();
        } else if (threadName.startsWith("journalmq-listen-")) {
            LISTEN.increment();
        } else {
            OTHER.increment();
        }
    }

    public static Snapshot snapshot() {
        return new Snapshot(OTHER.sum(), MAINTENANCE.sum(), LISTEN.sum());
    }
}
