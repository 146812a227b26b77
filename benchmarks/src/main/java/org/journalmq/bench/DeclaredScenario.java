package org.journalmq.bench;

import org.journalmq.bench.peer.Peer;

/**
 * A {@link Scenario} that declares its name, default count, warm-up cap, kind, metric and peers
 * once, in its constructor, instead of overriding each getter.
 */
abstract class DeclaredScenario implements Scenario {

    private final String name;
    private final int defaultMessages;
    private int warmupCap = Integer.MAX_VALUE;
    private Kind kind = Kind.CONSUMING;
    private Metric metric = Metric.THROUGHPUT;
    private boolean journalOnly;
    private String notApplicable = "JournalMQ only";

    DeclaredScenario(String name, int defaultMessages) {
        this.name = name;
        this.defaultMessages = defaultMessages;
    }

    /** The warm-up runs at most {@code cap} messages, whatever --warmup asks. */
    final void warmupAtMost(int cap) {
        this.warmupCap = cap;
    }

    final void kind(Kind kind) {
        this.kind = kind;
    }

    final void metric(Metric metric) {
        this.metric = metric;
    }

    /** Runs on JournalMQ only; {@code why} is printed as the other peers' n/a row (null: no row). */
    final void journalOnly(String why) {
        this.journalOnly = true;
        this.notApplicable = why;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int defaultMessages() {
        return defaultMessages;
    }

    @Override
    public final int warmupMessages(int requested) {
        return Math.min(requested, warmupCap);
    }

    @Override
    public final Kind kind() {
        return kind;
    }

    @Override
    public final Metric metric() {
        return metric;
    }

    @Override
    public boolean appliesTo(Peer peer, BenchContext ctx) {
        return !journalOnly || peer.isJournal();
    }

    @Override
    public String notApplicable(Peer peer, BenchContext ctx) {
        return notApplicable;
    }
}
