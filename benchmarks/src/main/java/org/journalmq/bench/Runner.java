package org.journalmq.bench;

import jakarta.jms.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.journalmq.bench.peer.Peer;

/**
 * Runs the selected scenarios on one peer after the other: a peer is started, every scenario runs
 * on it, and it is stopped before the next one starts, so that no idle broker shares the cores with
 * the one measured. Rows are printed as they come; {@link #rows()} keeps them for the comparison.
 */
final class Runner {

    /** One printed row. */
    record Row(String peer, String scenario, Scenario.Metric metric, Result result) {
    }

    /** What a peer needs besides itself: the runner builds a context per peer from these. */
    interface ContextFactory {
        BenchContext create(Peer peer);
    }

    private final List<Scenario> scenarios;
    private final Integer messages;
    private final int warmup;
    private final int passes;
    private final List<Row> rows = new ArrayList<>();

    Runner(List<Scenario> scenarios, Integer messages, int warmup, int passes) {
        this.scenarios = scenarios;
        this.messages = messages;
        this.warmup = warmup;
        this.passes = passes;
    }

    List<Row> rows() {
        return rows;
    }

    /** @return true when every row passed its checks */
    boolean runPeer(Callable<Peer> start, ContextFactory contexts) throws Exception {
        boolean allOk = true;
        try (Peer peer = start.call()) {
            BenchContext ctx = contexts.create(peer);
            // holds the journal (or the broker's vm transport) open across scenarios, so that none pays for opening it
            try (Connection keeper = ctx.connect()) {
                for (Scenario s : scenarios) {
                    Result r;
                    if (!s.appliesTo(peer, ctx)) {
                        String why = s.notApplicable(peer, ctx);
                        if (why == null) {
                            continue;
                        }
                        r = Result.notApplicable(why);
                        System.out.println(r.row(peer.name(), peer.store(), s.name()));
                        rows.add(new Row(peer.name(), s.name(), s.metric(), r));
                        continue;
                    }
                    for (int pass = 1; pass <= passes; pass++) {
                        r = withPrefetch(ctx, s, runGuarded(ctx, s));
                        String name = passes == 1 ? s.name() : s.name() + " #" + pass;
                        System.out.println(r.row(peer.name(), peer.store(), name));
                        System.out.flush();
                        rows.add(new Row(peer.name(), s.name(), s.metric(), r));
                        allOk &= r.ok();
                    }
                }
            }
        }
        return allOk;
    }

    /** A scenario that throws is a FAILED row, and the next scenario (or peer) still runs. */
    private Result runGuarded(BenchContext ctx, Scenario s) {
        try {
            return runOne(ctx, s);
        } catch (Exception | LinkageError e) {
            System.err.println(ctx.peer().name() + " " + s.name() + " failed:");
            e.printStackTrace();
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, "exception " + e, false);
        }
    }

    /** Every row states the prefetch its consumers ran with. */
    private static Result withPrefetch(BenchContext ctx, Scenario s, Result r) {
        String note = s.kind() == Scenario.Kind.SEND_ONLY || s instanceof RawCommit ? "no consumer measured"
                : ctx.prefetchNote();
        return new Result(r.messages(), r.msgsPerSecond(), r.p50Millis(), r.p99Millis(), r.notes() + "; " + note,
                r.ok());
    }

    /**
     * Queue scenarios: drain, warm up, drain, measure, drain, so each measurement starts from an
     * empty queue. Scenarios of kind SELF prepare and clean up themselves; they get the warm-up run only.
     */
    private Result runOne(BenchContext ctx, Scenario s) throws Exception {
        String queue = "bench-" + s.name();
        Scenario.Kind kind = s.kind();
        boolean sendOnly = kind == Scenario.Kind.SEND_ONLY;
        if (kind != Scenario.Kind.SELF) {
            ctx.drain(queue, 0);
        }
        int warm = s.warmupMessages(warmup);
        if (warm > 0) {
            s.run(ctx, queue, warm);
            if (kind != Scenario.Kind.SELF) {
                ctx.drain(queue, sendOnly ? warm : 0);
            }
        }
        int n = messages != null ? messages : s.defaultMessages();
        Result r = s.run(ctx, queue, n);
        if (kind == Scenario.Kind.SELF) {
            return r;
        }
        long left = ctx.drain(queue, sendOnly ? n : 0);
        if (sendOnly && left != n) {
            return r.failed("drained " + left + " of " + n + " sent");
        }
        if (!sendOnly && left > 0) {
            return r.failed(left + " left in the queue after all arrived");
        }
        return r;
    }
}
