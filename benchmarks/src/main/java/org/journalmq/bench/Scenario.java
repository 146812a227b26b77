package org.journalmq.bench;

import org.journalmq.bench.peer.Peer;

/**
 * One measured workload, driven through the jakarta.jms API alone so that it runs unchanged on
 * every {@link Peer}. Queue scenarios run on their own queue, which the runner drains before and
 * after.
 */
interface Scenario {

    /** How the runner prepares and checks a run. */
    enum Kind {
        /** sends only: the runner drains afterwards and expects exactly what was sent */
        SEND_ONLY,
        /** sends and consumes on the runner's queue: nothing may be left */
        CONSUMING,
        /** uses its own topic, table or JVM and cleans up itself: the runner neither drains nor checks */
        SELF
    }

    /** Which figure the side-by-side comparison sets against the peers'. */
    enum Metric {
        THROUGHPUT, LATENCY, NONE
    }

    /** The name given to --scenario and printed in the table. */
    String name();

    /** Messages measured when --messages is not given. */
    int defaultMessages();

    /** Messages of the warm-up run for a requested --warmup (a paced scenario keeps it short). */
    default int warmupMessages(int requested) {
        return requested;
    }

    default Kind kind() {
        return Kind.CONSUMING;
    }

    default Metric metric() {
        return Metric.THROUGHPUT;
    }

    /** False where the scenario needs what only this peer (or database) lacks; see {@link #notApplicable}. */
    default boolean appliesTo(Peer peer, BenchContext ctx) {
        return true;
    }

    /** Why it does not apply, printed as an n/a row; null prints no row at all. */
    default String notApplicable(Peer peer, BenchContext ctx) {
        return "JournalMQ only";
    }

    /** Sends (and, where the scenario consumes, receives) {@code messages} on {@code queueName}. */
    Result run(BenchContext ctx, String queueName, int messages) throws Exception;
}
