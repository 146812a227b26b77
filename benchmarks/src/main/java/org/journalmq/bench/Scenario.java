package org.journalmq.bench;

/** One measured workload. Each runs on its own queue, which the runner drains before and after. */
interface Scenario {

    /** The name given to --scenario and printed in the table. */
    String name();

    /** Messages measured when --messages is not given. */
    int defaultMessages();

    /** Messages of the warm-up run for a requested --warmup (a paced scenario keeps it short). */
    default int warmupMessages(int requested) {
        return requested;
    }

    /** Sends (and, where the scenario consumes, receives) {@code messages} on {@code queueName}. */
    Result run(BenchContext ctx, String queueName, int messages) throws Exception;
}
