package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Locale;

/**
 * A deep queue drained by one listener: N messages are preloaded in transactions of
 * {@value #TX} (the preload is not measured, its rate is in the notes), then one MessageListener
 * drains them. msgs/s counts from the listener's connection start to the last arrival. Two rows,
 * {@code backlog} (AUTO_ACKNOWLEDGE) and {@code backlog-dups-ok} (DUPS_OK_ACKNOWLEDGE), whatever
 * --consumer-ack says: the ack mode is what the pair compares. The heap used after a full GC is
 * taken before the preload, after it and after the drain.
 */
final class Backlog extends DeclaredScenario {

    static final int TX = 500;

    private final int ackMode;

    Backlog(int ackMode) {
        super(ackMode == Session.DUPS_OK_ACKNOWLEDGE ? "backlog-dups-ok" : "backlog", 200_000);
        // a full-size warm-up would double the run: a few transactions warm the same code
        warmupAtMost(2_000);
        this.ackMode = ackMode;
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        long heapBefore = Heap.usedAfterGcMiB();
        long preloadStart = System.nanoTime();
        try (Connection c = ctx.connect()) {
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(queueName));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < messages; i++) {
                var m = ctx.message(tx, i);
                m.setLongProperty(BenchContext.SENT_AT, System.nanoTime());
                p.send(m);
                if ((i + 1) % TX == 0 || i == messages - 1) {
                    tx.commit();
                }
            }
        }
        double preloadRate = messages / ((System.nanoTime() - preloadStart) / 1e9);
        long heapPreloaded = Heap.usedAfterGcMiB();

        Arrivals arrivals = new Arrivals(messages);
        long start;
        boolean complete;
        try (Connection c = ctx.connect()) {
            Session s = c.createSession(ackMode);
            s.createConsumer(s.createQueue(queueName)).setMessageListener(arrivals);
            start = System.nanoTime();
            c.start();
            complete = arrivals.await(ctx.timeoutSeconds());
        }
        long end = complete ? arrivals.lastArrivalNanos() : System.nanoTime();
        long heapDrained = Heap.usedAfterGcMiB();
        long missing = messages - arrivals.distinct();
        String notes = String.format(Locale.ROOT, "1 listener (%s) drains %,d preloaded in tx of %d (preload %,.0f"
                        + " msgs/s); heap after GC %d MiB before, %d preloaded, %d drained; duplicates %d, missing %d%s",
                BenchContext.ackName(ackMode), messages, TX, preloadRate, heapBefore, heapPreloaded, heapDrained,
                arrivals.duplicates(), missing, complete ? "" : "; TIMEOUT");
        return new Result(messages, arrivals.distinct() / ((end - start) / 1e9), Double.NaN, Double.NaN, notes,
                complete && missing == 0 && arrivals.duplicates() == 0);
    }
}
